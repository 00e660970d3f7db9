// Originalets sidor i en egen rullningsyta: zoom (knappar, Ctrl + mushjul, + och −), panorering
// (piltangenter, dra med musen) och en ram runt platsen där ett fält lästes. Att visa en plats
// rullar bara bildytan, aldrig fönstret – fältet som användaren skriver i står kvar.

const ZOOM_MIN = 0.5;
const ZOOM_MAX = 4;
const ZOOM_STEP = 1.25;
const PAN_STEP = 60;
/** Marginal (i sidans bildpunkter) mellan det lästa värdet och ramen, så att ramen inte täcker värdet. */
const MARKER_MARGIN = 12;

export class PageView {
  /** pane: rullningsytan (.pages); level: där förstoringen skrivs ("150 %"). */
  constructor(pane, { zoomIn, zoomOut, zoomFit, level }) {
    this.pane = pane;
    this.level = level;
    this.zoom = 1;
    this.sizes = {};
    zoomIn.addEventListener('click', () => this.setZoom(this.zoom * ZOOM_STEP));
    zoomOut.addEventListener('click', () => this.setZoom(this.zoom / ZOOM_STEP));
    zoomFit.addEventListener('click', () => this.setZoom(1));
    pane.addEventListener('wheel', (event) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      this.setZoom(event.deltaY < 0 ? this.zoom * ZOOM_STEP : this.zoom / ZOOM_STEP, event);
    }, { passive: false });
    pane.addEventListener('keydown', (event) => this.onKey(event));
    this.enableDragging();
  }

  /** Sidans storlek i bildpunkter (från X-Page-Width/-Height), för att räkna om platser. */
  setPageSize(number, size) {
    this.sizes[number] = size;
  }

  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = { ArrowUp: [0, -PAN_STEP], ArrowDown: [0, PAN_STEP], ArrowLeft: [-PAN_STEP, 0], ArrowRight: [PAN_STEP, 0] };
    if (event.key === '+' || event.key === '=') this.setZoom(this.zoom * ZOOM_STEP);
    else if (event.key === '-' || event.key === '−') this.setZoom(this.zoom / ZOOM_STEP);
    else if (event.key === '0') this.setZoom(1);
    else if (moves[event.key]) this.pane.scrollBy(moves[event.key][0], moves[event.key][1]);
    else return;
    event.preventDefault();
  }

  /** Zoomar kring en punkt (muspekaren, annars ytans mitt), så att det man tittar på står kvar. */
  setZoom(wanted, around) {
    const zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(wanted * 100) / 100));
    const box = this.pane.getBoundingClientRect();
    const x = around ? around.clientX - box.left : this.pane.clientWidth / 2;
    const y = around ? around.clientY - box.top : this.pane.clientHeight / 2;
    const ratio = zoom / this.zoom;
    const left = (this.pane.scrollLeft + x) * ratio - x;
    const top = (this.pane.scrollTop + y) * ratio - y;
    this.zoom = zoom;
    this.pane.style.setProperty('--zoom', String(zoom));
    this.pane.scrollTo({ left, top });
    this.level.textContent = `${Math.round(zoom * 100)} %`;
  }

  enableDragging() {
    let start = null;
    this.pane.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || event.pointerType !== 'mouse') return;
      start = { x: event.clientX, y: event.clientY, left: this.pane.scrollLeft, top: this.pane.scrollTop };
      this.pane.setPointerCapture(event.pointerId);
      this.pane.classList.add('dragging');
    });
    this.pane.addEventListener('pointermove', (event) => {
      if (!start) return;
      this.pane.scrollLeft = start.left - (event.clientX - start.x);
      this.pane.scrollTop = start.top - (event.clientY - start.y);
    });
    const stop = () => { start = null; this.pane.classList.remove('dragging'); };
    this.pane.addEventListener('pointerup', stop);
    this.pane.addEventListener('pointercancel', stop);
  }

  clearMarker() {
    for (const old of this.pane.querySelectorAll('.marker')) old.remove();
  }

  /** Ramar in `where` ({page, x, y, width, height} i sidans bildpunkter) och rullar bildytan så
   * att ramen syns mitt i den. Svarar false om sidan inte visas (än). */
  mark(where) {
    this.clearMarker();
    const holder = this.pane.querySelector(`#page-${where.page}`);
    const size = this.sizes[where.page];
    if (!holder || !size) return false;
    const marker = document.createElement('div');
    marker.className = 'marker';
    const left = Math.max(0, where.x - MARKER_MARGIN);
    const top = Math.max(0, where.y - MARKER_MARGIN);
    marker.style.left = `${(left / size.width) * 100}%`;
    marker.style.top = `${(top / size.height) * 100}%`;
    marker.style.width = `${((Math.min(size.width, where.x + where.width + MARKER_MARGIN) - left) / size.width) * 100}%`;
    marker.style.height = `${((Math.min(size.height, where.y + where.height + MARKER_MARGIN) - top) / size.height) * 100}%`;
    holder.append(marker);
    this.scrollTo(marker);
    return true;
  }

  /** Rullar bara bildytan (scrollTo på ytan; aldrig scrollIntoView, som rullar fönstret). */
  scrollTo(marker) {
    const pane = this.pane.getBoundingClientRect();
    const box = marker.getBoundingClientRect();
    const left = this.pane.scrollLeft + (box.left - pane.left) - Math.max(0, (this.pane.clientWidth - box.width) / 2);
    const top = this.pane.scrollTop + (box.top - pane.top) - Math.max(0, (this.pane.clientHeight - box.height) / 2);
    this.pane.scrollTo({ left, top });
  }
}
