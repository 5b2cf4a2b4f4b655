// Experiment pages: the cumulative conversion chart of the results page (drawn with uPlot from the
// numbers the page's table shows) and the form's "Split evenly". Lines differ by dash pattern and
// point shape as well as colour; the control is the solid dark line.
(function () {
  "use strict";

  var COLORS = ["#e8590c", "#3b5bdb", "#2b8a3e", "#ae3ec9", "#0c8599", "#c92a2a", "#5c940d", "#862e9c", "#1864ab"];
  var DASHES = [[8, 4], [2, 3], [12, 4, 2, 4], [6, 6], [1, 2], [10, 2], [4, 4, 1, 4], [14, 6], [3, 6]];
  var DAY = 86400;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // The data are UTC days: label them as days, never as hours.
  function day(seconds) {
    var date = new Date(seconds * 1000);
    return MONTHS[date.getUTCMonth()] + " " + date.getUTCDate();
  }

  // As many decimals as the spacing of the ticks needs, so neighbouring labels never read the same.
  function percents(u, ticks, axis, space, increment) {
    var decimals = Math.max(0, Math.min(4, -Math.floor(Math.log10(increment || 1))));
    return ticks.map(function (t) { return t.toFixed(decimals) + "%"; });
  }

  // Room for the widest label (uPlot's own recipe), so "12.5%" is never cut to "2.5%" at the edge.
  function labelRoom(u, values, axisIndex, cycle) {
    var axis = u.axes[axisIndex];
    if (cycle > 1) {
      return axis._size;
    }
    var longest = (values || []).reduce(function (a, b) { return b.length > a.length ? b : a; }, "");
    u.ctx.font = axis.font[0];
    return Math.ceil(axis.ticks.size + axis.gap + u.ctx.measureText(longest).width / devicePixelRatio) + 8;
  }

  function options(element, timeseries) {
    var series = [{ label: "Day", value: function (u, v) { return v == null ? "–" : day(v); } }];
    var treatment = 0;
    timeseries.variants.forEach(function (line) {
      var style = line.control
        ? { stroke: "#1d2330", dash: [], width: 3 }
        : { stroke: COLORS[treatment % COLORS.length], dash: DASHES[treatment % DASHES.length], width: 2 };
      if (!line.control) {
        treatment++;
      }
      series.push({
        label: line.name + (line.control && !/control/i.test(line.name) ? " (control)" : ""),
        stroke: style.stroke,
        dash: style.dash,
        width: style.width,
        points: { show: true, size: line.control ? 8 : 6 + (treatment % 3) * 2 },
        value: function (u, v) { return v == null ? "–" : v.toFixed(2) + "%"; }
      });
    });
    var x = timeseries.days.map(function (d) { return Date.parse(d + "T00:00:00Z") / 1000; });
    return {
      width: Math.max(280, element.clientWidth),
      height: 280,
      tzDate: function (seconds) { return uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"); },
      series: series,
      axes: [
        { incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY], space: 56,
          values: function (u, splits) { return splits.map(day); } },
        { size: labelRoom, values: percents }
      ],
      // One day alone would stretch the time axis over years: give it a day on either side.
      scales: { x: { time: true, range: x.length > 1 ? undefined : [x[0] - DAY, x[0] + DAY] } }
    };
  }

  function draw(element) {
    var raw = element.getAttribute("data-timeseries");
    if (!raw || typeof uPlot === "undefined") {
      return;
    }
    var timeseries = JSON.parse(raw);
    if (timeseries.days.length === 0) {
      element.textContent = "No participants yet.";
      element.classList.add("muted");
      return;
    }
    var data = [timeseries.days.map(function (d) { return Date.parse(d + "T00:00:00Z") / 1000; })];
    timeseries.variants.forEach(function (line) {
      data.push(line.participants.map(function (n, i) { return n > 0 ? (100 * line.converters[i]) / n : null; }));
    });
    var chart = new uPlot(options(element, timeseries), data, element);
    window.addEventListener("resize", function () {
      chart.setSize({ width: Math.max(280, element.clientWidth), height: 280 });
    });
  }

  // "Split evenly": equal weights to four decimals; the server scales weights within 0.01 of 1 to add up exactly.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-split-evenly]");
    if (!button) {
      return;
    }
    var body = document.getElementById(button.getAttribute("data-split-evenly"));
    if (!body) {
      return;
    }
    event.preventDefault();
    var weights = body.querySelectorAll("input[name=variantWeight]");
    var even = String(Math.round(10000 / weights.length) / 10000);
    weights.forEach(function (input) {
      input.value = even;
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".timeseries[data-timeseries]").forEach(draw);
  });
})();
