// The composer's live counters and previews. They count as each network does (Bluesky: graphemes;
// Mastodon: graphemes, a link as a fixed number of characters, a remote mention without its domain)
// so the number agrees with the check the server runs when the post is saved. The page works
// without this file; the server's check is the one that counts.
(function () {
  'use strict';
  var form = document.querySelector('form.composer');
  if (!form) {
    return;
  }
  var main = form.querySelector('#f-text');
  var thread = form.querySelector('#f-thread');
  var previews = form.querySelector('.previews');
  var signature = form.dataset.signature || '';
  var hasSegmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function';
  var graphemeSegmenter = hasSegmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  var sentenceSegmenter = hasSegmenter ? new Intl.Segmenter(undefined, { granularity: 'sentence' }) : null;

  var WORD = '[\\p{L}\\p{N}_]';
  var URL = new RegExp('(?<![\\p{L}\\p{N}@/_])https?://[^\\s<>"]+', 'giu');
  var MENTION = new RegExp('(?<![=/\\p{L}\\p{N}_])@(([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@' + WORD + '+(?:[.-]+' + WORD + '+)*)?)', 'giu');

  function graphemeList(text) {
    if (!graphemeSegmenter) {
      return Array.from(text);
    }
    var list = [];
    for (var s of graphemeSegmenter.segment(text)) {
      list.push(s.segment);
    }
    return list;
  }

  function graphemes(text) {
    return graphemeList(text).length;
  }

  function count(text, from, to, c) {
    var n = 0;
    for (var i = from; i < to; i++) {
      if (text[i] === c) {
        n++;
      }
    }
    return n;
  }

  // Mastodon's text as it counts it: each link as perUrl characters, @user@domain as @user.
  function countable(text, perUrl) {
    var entities = [];
    var m;
    URL.lastIndex = 0;
    while ((m = URL.exec(text)) !== null) {
      var end = m.index + m[0].length;
      while (end > m.index) {
        var c = text[end - 1];
        if ('.,:;!?\'"'.indexOf(c) >= 0) {
          end--;
        } else if (c === ')' && count(text, m.index, end, '(') < count(text, m.index, end, ')')) {
          end--;
        } else {
          break;
        }
      }
      entities.push({ start: m.index, end: end, text: 'x'.repeat(perUrl) });
    }
    MENTION.lastIndex = 0;
    while ((m = MENTION.exec(text)) !== null) {
      entities.push({ start: m.index, end: m.index + m[0].length, text: '@' + m[2] });
    }
    entities.sort(function (a, b) { return a.start - b.start; });
    var out = '';
    var at = 0;
    entities.forEach(function (e) {
      if (e.start >= at) {
        out += text.slice(at, e.start) + e.text;
        at = e.end;
      }
    });
    return out + text.slice(at);
  }

  function lengthFor(box) {
    var perUrl = parseInt(box.dataset.perUrl || '0', 10);
    if (box.dataset.network === 'mastodon') {
      return function (text) { return graphemes(countable(text, perUrl)); };
    }
    return graphemes;
  }

  // Sentence spans without surrounding blanks, as the server's splitter starts from.
  function sentences(text) {
    var spans = [];
    var parts = sentenceSegmenter ? Array.from(sentenceSegmenter.segment(text)) : [{ segment: text, index: 0 }];
    parts.forEach(function (p) {
      var from = p.index;
      var to = p.index + p.segment.length;
      while (from < to && /\s/.test(text[from])) {
        from++;
      }
      while (to > from && /\s/.test(text[to - 1])) {
        to--;
      }
      if (from < to) {
        spans.push([from, to]);
      }
    });
    return spans;
  }

  function pieces(text, budget, len) {
    var list = [];
    sentences(text).forEach(function (s) {
      if (len(text.slice(s[0], s[1])) <= budget) {
        list.push(s);
        return;
      }
      var word = /\S+/g;
      word.lastIndex = s[0];
      var w;
      while ((w = word.exec(text)) !== null && w.index < s[1]) {
        var start = w.index;
        var end = Math.min(s[1], w.index + w[0].length);
        if (len(text.slice(start, end)) <= budget) {
          list.push([start, end]);
          continue;
        }
        var from = start;
        var to = start;
        graphemeList(text.slice(start, end)).forEach(function (g) {
          if (to > from && len(text.slice(from, to + g.length)) > budget) {
            list.push([from, to]);
            from = to;
          }
          to += g.length;
        });
        list.push([from, to]);
      }
    });
    return list;
  }

  function pack(text, budget, len) {
    var list = pieces(text, budget, len);
    var parts = [];
    var first = 0;
    while (first < list.length) {
      var start = list[first][0];
      var last = first;
      while (last + 1 < list.length && len(text.slice(start, list[last + 1][1])) <= budget) {
        last++;
      }
      parts.push(text.slice(start, list[last][1]));
      first = last + 1;
    }
    return parts;
  }

  // The thread's parts, each ending in " i/n": close to what the server makes; it makes the real split.
  function split(text, max, len) {
    if (len(text) <= max) {
      return [text];
    }
    var digits = 1;
    for (var guard = 0; guard < 6; guard++) {
      var widest = '9'.repeat(digits);
      var budget = max - len(' ' + widest + '/' + widest);
      if (budget < 1) {
        return [text];
      }
      var parts = pack(text, budget, len);
      if (String(parts.length).length > digits) {
        digits = String(parts.length).length;
        continue;
      }
      return parts.map(function (p, i) { return p + ' ' + (i + 1) + '/' + parts.length; });
    }
    return [text];
  }

  function say(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return String(values[+i]); });
  }

  function textFor(id) {
    var own = form.querySelector('#f-text-' + CSS.escape(id));
    var body = own && own.value.trim() ? own.value.trim() : main.value.trim();
    return body || signature ? body + signature : '';
  }

  function update() {
    var anyShown = false;
    form.querySelectorAll('input[name="channels"]').forEach(function (box) {
      var id = box.value;
      var counter = form.querySelector('#count-' + CSS.escape(id));
      var details = form.querySelector('details.channel-text[data-channel="' + CSS.escape(id) + '"]');
      var preview = previews ? previews.querySelector('.preview[data-channel="' + CSS.escape(id) + '"]') : null;
      if (details) {
        details.hidden = !box.checked;
      }
      if (!box.checked) {
        counter.textContent = '';
        counter.classList.remove('over');
        if (preview) {
          preview.hidden = true;
        }
        return;
      }
      var text = textFor(id);
      var len = lengthFor(box);
      var n = len(text);
      var max = parseInt(box.dataset.max || '', 10);
      var parts = [text];
      if (isNaN(max)) {
        counter.textContent = String(n);
      } else if (n <= max) {
        counter.textContent = say(form.dataset.tCount, [n, max]);
        counter.classList.remove('over');
      } else if (thread && thread.checked) {
        parts = split(text, max, len);
        counter.textContent = say(form.dataset.tThread, [n, max, parts.length]);
        counter.classList.remove('over');
      } else {
        counter.textContent = say(form.dataset.tOver, [n, max, n - max]);
        counter.classList.add('over');
      }
      if (preview) {
        var list = preview.querySelector('.parts');
        list.replaceChildren.apply(list, parts.filter(Boolean).map(function (p) {
          var li = document.createElement('li');
          li.textContent = p;
          return li;
        }));
        preview.hidden = !text;
        anyShown = anyShown || !!text;
      }
    });
    if (previews) {
      previews.hidden = !anyShown;
    }
  }

  var pending = false;
  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        update();
      });
    }
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  update();
}());
