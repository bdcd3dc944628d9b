(function () {
  "use strict";
  // Sorts and filters the findings table by the data- attributes of its rows; the page
  // holds no other data for the script. Marks the body data-ready when wired up.
  var table = document.getElementById("findings");
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var severity = document.getElementById("filter-severity");
    var code = document.getElementById("filter-code");
    var shown = document.getElementById("findings-shown");

    var filter = function () {
      var count = 0;
      rows.forEach(function (row) {
        var visible = (!severity.value || row.getAttribute("data-severity") === severity.value) &&
          (!code.value || row.getAttribute("data-code") === code.value);
        row.hidden = !visible;
        if (visible) { count += 1; }
      });
      shown.textContent = String(count);
    };
    severity.addEventListener("change", filter);
    code.addEventListener("change", filter);

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header) {
      var key = header.getAttribute("data-sort");
      if (!key) { return; }
      var numeric = header.getAttribute("data-type") === "number";
      header.querySelector("button").addEventListener("click", function () {
        var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        var value = function (row) {
          var text = row.getAttribute("data-" + key) || "";
          return numeric ? Number(text) : text.toLowerCase();
        };
        rows.sort(function (a, b) {
          var x = value(a), y = value(b);
          if (x < y) { return -direction; }
          if (x > y) { return direction; }
          return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
      });
    });
    document.getElementById("filters").addEventListener("submit", function (event) {
      event.preventDefault();
    });
  }
  document.body.setAttribute("data-ready", "true");
}());
