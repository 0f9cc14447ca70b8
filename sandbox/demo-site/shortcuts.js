// Site-wide single-key shortcuts, as many real sites have ("/" to search, "?" for help).
// They let the demo (and the tests) show that typing in Beckon's chat never triggers them.
const help = document.createElement('div');
help.id = 'shortcut-help';
help.hidden = true;
help.textContent = 'Keyboard shortcuts: / search, ? this help.';
help.className = 'shortcut-help';
document.body.append(help);

let fired = 0;
document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '?' || event.key === '/') {
    fired += 1;
    document.body.dataset.shortcutsFired = String(fired);
    if (event.key === '?') help.hidden = !help.hidden;
    event.preventDefault();
  }
});
