// The least a start can do: one small module puts one heading in the page and notes when it
// is painted (the first task after the next frame, as the bench's probe does for a card).
const heading = document.createElement('h1');
heading.textContent = 'First card';
document.body.append(heading);
requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now())));
if (!navigator.serviceWorker.controller) void navigator.serviceWorker.register('/floor-sw.js');
