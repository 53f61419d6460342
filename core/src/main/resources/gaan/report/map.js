(function () {
  var source = document.getElementById('map-data');
  if (!source) { return; }
  var d = JSON.parse(source.textContent);
  var canvas = document.getElementById('map-canvas');
  var legend = document.getElementById('map-legend');
  var tip = document.getElementById('map-tip');
  var select = document.getElementById('map-colour');
  var audio = document.getElementById('map-audio');
  var playing = document.getElementById('map-playing');
  var palette = ['#4E79A7', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1',
    '#FF9DA7', '#9C755F', '#2F4B7C', '#A05195', '#D45087', '#665191', '#FFA600', '#003F5C'];
  var n = d.id.length, radius = n > 5000 ? 2 : n > 1000 ? 3 : 4, pad = 10;
  var minX = Math.min.apply(null, d.x), maxX = Math.max.apply(null, d.x);
  var minY = Math.min.apply(null, d.y), maxY = Math.max.apply(null, d.y);
  var hidden = {}, colours = {}, width = 0, height = 0;
  function category(i) {
    var v = d[select.value][i];
    if (select.value === 'cluster') { return v < 0 ? 'noise' : 'cluster ' + v; }
    return v === null || v === '' ? 'unknown' : String(v);
  }
  // One scale for both axes, so distances on the map mean the same in every direction.
  function position(i) {
    var scale = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1e-12),
      (height - 2 * pad) / Math.max(maxY - minY, 1e-12));
    return [width / 2 + (d.x[i] - (minX + maxX) / 2) * scale,
      height / 2 - (d.y[i] - (minY + maxY) / 2) * scale];
  }
  function buildLegend() {
    var counts = {};
    for (var i = 0; i < n; i++) { var c = category(i); counts[c] = (counts[c] || 0) + 1; }
    var names = Object.keys(counts).sort(function (a, b) {
      var grey = function (x) { return x === 'noise' || x === 'unknown' ? 1 : 0; };
      return grey(a) - grey(b) || counts[b] - counts[a] || a.localeCompare(b);
    });
    hidden = {};
    colours = {};
    legend.textContent = '';
    names.forEach(function (name, k) {
      colours[name] = name === 'noise' || name === 'unknown' ? '#9E9E9E' : palette[k % palette.length];
      var li = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colours[name];
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(name + ' (' + counts[name] + ')'));
      li.title = 'click: hide or show; double-click: show only this';
      li.addEventListener('click', function () { hidden[name] = !hidden[name]; draw(); });
      li.addEventListener('dblclick', function () {
        names.forEach(function (other) { hidden[other] = other !== name; });
        draw();
      });
      li.setAttribute('data-category', name);
      legend.appendChild(li);
    });
  }
  function draw() {
    var ratio = window.devicePixelRatio || 1;
    width = canvas.clientWidth;
    height = canvas.clientHeight;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    g.globalAlpha = n > 5000 ? 0.6 : 0.85;
    var drawn = 0;
    for (var i = 0; i < n; i++) {
      var c = category(i);
      if (hidden[c]) { continue; }
      var p = position(i);
      g.fillStyle = colours[c];
      g.beginPath();
      g.arc(p[0], p[1], radius, 0, 2 * Math.PI);
      g.fill();
      drawn++;
    }
    canvas.setAttribute('data-marks', drawn);
    legend.querySelectorAll('li').forEach(function (li) {
      li.classList.toggle('off', !!hidden[li.getAttribute('data-category')]);
    });
  }
  function nearest(event) {
    var box = canvas.getBoundingClientRect();
    var x = event.clientX - box.left, y = event.clientY - box.top;
    var best = -1, bestD = (radius + 4) * (radius + 4);
    for (var i = 0; i < n; i++) {
      if (hidden[category(i)]) { continue; }
      var p = position(i), dx = p[0] - x, dy = p[1] - y, dd = dx * dx + dy * dy;
      if (dd <= bestD) { best = i; bestD = dd; }
    }
    return best;
  }
  canvas.addEventListener('mousemove', function (event) {
    var i = nearest(event);
    if (i < 0) { tip.hidden = true; canvas.style.cursor = ''; return; }
    var cluster = d.cluster[i] < 0 ? 'noise' : d.cluster[i];
    tip.textContent = d.id[i] + '\ngenres: ' + (d.genres[i] || 'unknown') + '\nlanguage: '
        + (d.language[i] || 'unknown') + '\ncluster: ' + cluster
        + (d.audio[i] ? '\nclick to listen' : '');
    var host = canvas.parentNode.getBoundingClientRect();
    tip.style.left = (event.clientX - host.left + 12) + 'px';
    tip.style.top = (event.clientY - host.top + 12) + 'px';
    tip.hidden = false;
    canvas.style.cursor = d.audio[i] ? 'pointer' : '';
  });
  canvas.addEventListener('mouseleave', function () { tip.hidden = true; });
  canvas.addEventListener('click', function (event) {
    var i = nearest(event);
    if (i < 0) { return; }
    if (!d.audio[i]) { playing.textContent = d.id[i] + ': no audio file beside the report'; return; }
    audio.src = d.audio[i];
    playing.textContent = d.id[i];
    var started = audio.play();
    if (started && started.catch) { started.catch(function () {}); }
  });
  select.addEventListener('change', function () { buildLegend(); draw(); });
  window.addEventListener('resize', draw);
  buildLegend();
  draw();
  window.gaanMap = {
    count: n,
    point: function (id) {
      var i = d.id.indexOf(id), box = canvas.getBoundingClientRect(), p = position(i);
      return {x: box.left + p[0], y: box.top + p[1]};
    }
  };
})();
