(function () {
  function key(cell) {
    var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent.trim();
    if (v === '') { return null; }
    var n = Number(v);
    return isNaN(n) && v !== 'NaN' ? v : n;
  }
  function compare(x, y) {
    if (typeof x === 'number' && typeof y === 'number') { return x - y; }
    return String(x).localeCompare(String(y));
  }
  function sortBy(table, col, th) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
      var c = compare(x, y);
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll('button.show-all').forEach(function (button) {
    var table = button.previousElementSibling.querySelector('table');
    button.addEventListener('click', function () {
      var collapsed = table.classList.toggle('collapsed');
      button.textContent = collapsed ? 'show all ' + button.getAttribute('data-rows') + ' rows'
          : 'show the selected rows only';
    });
  });
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('thead th').forEach(function (th, col) {
      th.addEventListener('click', function () { sortBy(table, col, th); });
    });
  });
})();
