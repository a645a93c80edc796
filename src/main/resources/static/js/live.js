// Live notifications on workspace pages: a Server-Sent Events stream from the server keeps the
// Inbox badge up to date, puts new items at the top of the inbox list when it is on the page,
// and shows a browser notification when the member allowed them and the server says this one
// should be shown (the server applies the member's kinds and quiet hours). Untrusted text goes
// into the page only as text. The page works without this file.
(function () {
  'use strict';

  function setUpPermission() {
    var button = document.getElementById('allow-notifications');
    var status = document.getElementById('notification-permission');
    if (!button || !status) {
      return;
    }
    function show() {
      if (!('Notification' in window)) {
        status.textContent = status.dataset.unsupported;
        button.hidden = true;
        return;
      }
      var p = Notification.permission;
      status.textContent = p === 'granted' ? status.dataset.granted : p === 'denied' ? status.dataset.denied : '';
      button.hidden = p !== 'default';
    }
    button.addEventListener('click', function () {
      var asked = Notification.requestPermission(show);
      if (asked && typeof asked.then === 'function') {
        asked.then(show);
      }
    });
    show();
  }

  function badge(open) {
    var el = document.getElementById('inbox-badge');
    if (!el || open === null || open === undefined) {
      return;
    }
    var count = el.querySelector('.count');
    count.textContent = open > 99 ? '99+' : String(open);
    el.hidden = open === 0;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (text !== undefined && text !== null) {
      el.textContent = text;
    }
    return el;
  }

  // a row as the inbox list draws it (inbox/list.jte), put at the top; the conversation's old row goes
  function prepend(d) {
    var list = document.getElementById('inbox-items');
    if (!list || !d.conversationId) {
      return;
    }
    var old = list.querySelector('li[data-conversation="' + CSS.escape(d.conversationId) + '"]');
    if (old) {
      old.remove();
    }
    var empty = document.getElementById('inbox-empty');
    if (empty) {
      empty.hidden = true;
    }
    var li = element('li', 'card state-open arrived');
    li.dataset.conversation = d.conversationId;
    var meta = element('p', 'meta');
    meta.appendChild(element('span', 'badge', d.label));
    if (d.occurredAt) {
      meta.appendChild(document.createTextNode(' · '));
      var time = element('time', null, new Date(d.occurredAt).toLocaleString());
      time.setAttribute('datetime', d.occurredAt);
      meta.appendChild(time);
    }
    li.appendChild(meta);
    var who = element('p');
    var link = element('a');
    link.href = d.url;
    link.appendChild(element('strong', null, d.personName || ''));
    who.appendChild(link);
    li.appendChild(who);
    if (d.excerpt) {
      li.appendChild(element('p', 'text', d.excerpt));
    }
    list.insertBefore(li, list.firstChild);
  }

  function notify(d) {
    if (!d.notify || !('Notification' in window) || Notification.permission !== 'granted') {
      return;
    }
    try {
      // one notification per conversation, however many of the member's tabs are open
      var n = new Notification(d.title, { body: d.body || '', tag: 'socius-' + d.conversationId, icon: '/img/socius.svg' });
      n.addEventListener('click', function () {
        window.focus();
        window.location.assign(d.url);
        n.close();
      });
    } catch (e) {
      // some browsers allow notifications only from a service worker; the badge and list still update
    }
  }

  function connect(path) {
    var lastId = null;
    var source = new EventSource(path);
    function handle(e, list) {
      var d = JSON.parse(e.data);
      if (e.lastEventId) {
        lastId = e.lastEventId;
      }
      badge(d.open);
      if (list) {
        prepend(d);
      }
      notify(d);
    }
    source.addEventListener('hello', function (e) {
      badge(JSON.parse(e.data).open);
    });
    source.addEventListener('item', function (e) {
      handle(e, true);
    });
    source.addEventListener('assigned', function (e) {
      handle(e, false);
    });
    source.addEventListener('error', function () {
      // the browser reconnects by itself (sending Last-Event-ID) unless the server refused the
      // stream; then try again later, naming the last event seen
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(function () {
          connect(path.split('?')[0] + (lastId ? '?after=' + encodeURIComponent(lastId) : ''));
        }, 30000);
      }
    });
  }

  setUpPermission();
  var meta = document.querySelector('meta[name="socius-live"]');
  if (meta && typeof EventSource !== 'undefined') {
    connect(meta.getAttribute('content'));
  }
})();
