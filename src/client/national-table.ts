/**
 * The national table, enhanced: its column headings become sort buttons and the region and type lists filter its
 * rows, with a status line saying the order and counting what is shown. A heading's aria-sort says the order; its
 * button is named for what pressing it does ("Sort by region, ascending"), while the heading keeps the column's name
 * for the cells under it. Without JavaScript it is a plain table in authority order (aria-sort in the HTML says so).
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
  const names = headings.map((heading) => (heading.textContent ?? '').trim());
  const buttons = names.map((name, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = name;
    button.addEventListener('click', () => sortBy(column, headings[column].getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending'));
    return button;
  });
  let shownOrder = `${names[0].toLowerCase()}, ascending`;

  /** Each button's name says what pressing it does: the sorted column's turns its order round, the others sort ascending. */
  function nameButtons(): void {
    buttons.forEach((button, column) => {
      const next = headings[column].getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      button.setAttribute('aria-label', `Sort by ${names[column].toLowerCase()}, ${next}`);
    });
  }

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
    nameButtons();
    shownOrder = `${names[column].toLowerCase()}, ${direction}`;
    filter();
  }

  headings.forEach((heading, column) => {
    // The heading keeps the column's name: without it, the button's name ("Sort by …") would name every cell under it.
    heading.setAttribute('aria-label', names[column]);
    heading.replaceChildren(buttons[column]);
  });
  nameButtons();

  function filter(): void {
    const chosen = filters.map((select) => [select.dataset.filter ?? '', select.value] as const);
    let shown = 0;
    for (const row of rows) {
      row.hidden = !chosen.every(([key, value]) => !value || row.dataset[key] === value);
      if (!row.hidden) shown++;
    }
    statusLine.textContent = `Showing ${shown} of ${rows.length} authorities, sorted by ${shownOrder}.`;
  }
  for (const select of filters) select.addEventListener('change', filter);
  tools.hidden = false;
}

// A module, not a global script: its names (status, table) must not collide with the window's own.
export {};
