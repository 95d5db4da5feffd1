// A small two-series line chart on a <canvas>: events/s (left axis) and queue depth (right
// axis) over a sliding window of samples, one per second.

const RATE_COLOR = '#2563eb';
const DEPTH_COLOR = '#d97706';
const GRID_COLOR = '#e5e7eb';
const TEXT_COLOR = '#6b7280';

export class Chart {
  constructor(canvas, capacity = 120) {
    this.canvas = canvas;
    this.capacity = capacity;
    this.rates = [];
    this.depths = [];
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  push(rate, depth) {
    this.rates.push(rate);
    this.depths.push(depth);
    if (this.rates.length > this.capacity) {
      this.rates.shift();
      this.depths.shift();
    }
    this.draw();
  }

  draw() {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0) {
      return;
    }
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);

    const pad = { left: 48, right: 48, top: 10, bottom: 22 };
    const plotW = width - pad.left - pad.right;
    const plotH = height - pad.top - pad.bottom;
    const rateMax = niceMax(Math.max(5, ...this.rates));
    const depthMax = niceMax(Math.max(5, ...this.depths));
    // Both maxima are 1, 2 or 5 times a power of ten: 4 lines for a 2, 5 otherwise, so the
    // labels stay round.
    const lines = String(rateMax)[0] === '2' ? 4 : 5;

    ctx.font = '11px system-ui, sans-serif';
    ctx.lineWidth = 1;
    for (let i = 0; i <= lines; i++) {
      const y = pad.top + plotH - (plotH * i) / lines;
      ctx.strokeStyle = GRID_COLOR;
      ctx.beginPath();
      ctx.moveTo(pad.left, Math.round(y) + 0.5);
      ctx.lineTo(pad.left + plotW, Math.round(y) + 0.5);
      ctx.stroke();
      ctx.fillStyle = RATE_COLOR;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      ctx.fillText(format((rateMax * i) / lines), pad.left - 6, y);
      ctx.fillStyle = DEPTH_COLOR;
      ctx.textAlign = 'left';
      ctx.fillText(format((depthMax * i) / lines), pad.left + plotW + 6, y);
    }
    ctx.fillStyle = TEXT_COLOR;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillText(`-${this.capacity} s`, pad.left, pad.top + plotH + 6);
    ctx.textAlign = 'right';
    ctx.fillText('now', pad.left + plotW, pad.top + plotH + 6);

    const series = (values, max, color) => {
      if (values.length === 0) {
        return;
      }
      const step = plotW / (this.capacity - 1);
      const offset = this.capacity - values.length;
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      values.forEach((value, i) => {
        const x = pad.left + (offset + i) * step;
        const y = pad.top + plotH - (plotH * value) / max;
        if (i === 0) {
          ctx.moveTo(x, y);
        } else {
          ctx.lineTo(x, y);
        }
      });
      ctx.stroke();
    };
    series(this.depths, depthMax, DEPTH_COLOR);
    series(this.rates, rateMax, RATE_COLOR);
  }
}

/** A round upper bound (1, 2, 5 × 10^n) at or above value. */
function niceMax(value) {
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const factor of [1, 2, 5, 10]) {
    if (value <= factor * magnitude) {
      return factor * magnitude;
    }
  }
  return 10 * magnitude;
}

function format(value) {
  if (value >= 1000000) {
    return (value / 1000000).toFixed(value % 1000000 === 0 ? 0 : 1) + 'M';
  }
  if (value >= 1000) {
    return (value / 1000).toFixed(value % 1000 === 0 ? 0 : 1) + 'k';
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
