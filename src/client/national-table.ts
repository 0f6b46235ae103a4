/**
 * The national table, enhanced: its column headings become sort buttons (aria-sort says the order) and the region
 * and type lists filter its rows, with a status line counting what is shown. Without JavaScript it is a plain table
 * in authority order.
 */
const table = document.querySelector<HTMLTableElement>('table[data-sortable]');
const headRow = table?.tHead?.rows[0];
const tools = document.querySelector<HTMLElement>('[data-table-tools]');
const status = document.querySelector<HTMLElement>('[data-table-status]');

if (table && headRow && tools && status) {
  const statusLine = status; // narrowed here, for the filter below
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const headings = [...headRow.cells];
  const filters = [...tools.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

  const valueOf = (row: HTMLTableRowElement, column: number) => row.cells[column].dataset.value ?? '';

  function sortBy(column: number, direction: 'ascending' | 'descending'): void {
    const numeric = headings[column].dataset.sort === 'number';
    const sign = direction === 'ascending' ? 1 : -1;
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [valueOf(a, column), valueOf(b, column)];
      const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'en-GB');
      return sign * order || valueOf(a, 0).localeCompare(valueOf(b, 0), 'en-GB');
    });
    body.append(...sorted);
    headings.forEach((heading, at) => (at === column ? heading.setAttribute('aria-sort', direction) : heading.removeAttribute('aria-sort')));
  }

  headings.forEach((heading, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = heading.textContent;
    heading.replaceChildren(button);
    button.addEventListener('click', () => sortBy(column, heading.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending'));
  });
  headings[0].setAttribute('aria-sort', 'ascending');

  function filter(): void {
    const chosen = filters.map((select) => [select.dataset.filter ?? '', select.value] as const);
    let shown = 0;
    for (const row of rows) {
      row.hidden = !chosen.every(([key, value]) => !value || row.dataset[key] === value);
      if (!row.hidden) shown++;
    }
    statusLine.textContent = `Showing ${shown} of ${rows.length} authorities.`;
  }
  for (const select of filters) select.addEventListener('change', filter);
  tools.hidden = false;
}

// A module, not a global script: its names (status, table) must not collide with the window's own.
export {};
