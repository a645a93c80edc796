// Keyboard shortcuts of the feeds section: j/k move through the list, o opens, s stars, m marks
// read or unread, r reloads, ? shows the help. Every shortcut stands for a link or button that
// works without this file; none acts while the reader types in a field.
(function () {
  'use strict';
  var items = Array.prototype.slice.call(document.querySelectorAll('.items .item'));
  var article = document.querySelector('.article');
  var help = document.getElementById('feeds-keys');
  var current = -1;

  function select(i) {
    if (!items.length) {
      return;
    }
    if (current >= 0) {
      items[current].classList.remove('current');
    }
    current = Math.max(0, Math.min(items.length - 1, i));
    items[current].classList.add('current');
    items[current].scrollIntoView({ block: 'nearest' });
    var link = items[current].querySelector('.item-title');
    if (link) {
      link.focus({ preventScroll: true });
    }
  }

  function scope() {
    return current >= 0 ? items[current] : article;
  }

  function press(act) {
    var root = scope();
    var target = root && root.querySelector('[data-act="' + act + '"]');
    if (target) {
      target.click();
    }
  }

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
      return;
    }
    switch (e.key) {
      case 'j': select(current + 1); break;
      case 'k': select(current - 1); break;
      case 'o':
        if (article) {
          press('o');
        } else if (current >= 0) {
          items[current].querySelector('.item-title').click();
        }
        break;
      case 's': press('s'); break;
      case 'm': press('m'); break;
      case 'r': window.location.reload(); break;
      case '?':
        if (help && typeof help.showModal === 'function') {
          help.showModal();
        }
        break;
      default: return;
    }
    e.preventDefault();
  });
})();
