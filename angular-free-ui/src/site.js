// Progressive enhancements; every flow also works without JavaScript.
// A form with data-confirm asks before it submits (destructive actions).
document.addEventListener('submit', (event) => {
  const message = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
