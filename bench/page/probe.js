// Added to every page the benchmark opens (Playwright's addInitScript), before the app's own
// code runs, so it also works offline where the bench module cannot be fetched. It timestamps,
// on the page's own clock (performance.now(), from navigation start), what the measurements
// pair up: grade key presses, clicks, search input, each new card front in the DOM and when
// it was painted, every read-write transaction that includes `reviewLogs` (start, commit or
// abort), and files handed to the user. It changes no app behaviour.
(() => {
	const probe = {
		grades: [],
		clicks: [],
		inputs: [],
		fronts: [],
		reviewTransactions: [],
		downloads: [],
		heapPeak: 0,
		// For the cold-start breakdown: when the app's shell (its header) first rendered, when
		// IndexedDB finished opening, every transaction's start and end, and long tasks.
		shellAt: null,
		dbOpen: null,
		transactions: [],
		longTasks: []
	};
	Object.defineProperty(window, '__probe', { value: probe });

	addEventListener(
		'keydown',
		(event) => {
			if (/^[1-4]$/.test(event.key)) probe.grades.push(event.timeStamp);
		},
		true
	);
	addEventListener('click', (event) => probe.clicks.push(event.timeStamp), true);
	addEventListener('input', (event) => probe.inputs.push(event.timeStamp), true);

	const open = IDBFactory.prototype.open;
	IDBFactory.prototype.open = function () {
		// eslint-disable-next-line prefer-rest-params
		const request = open.apply(this, arguments);
		const entry = { start: performance.now(), end: null };
		probe.dbOpen ??= entry;
		request.addEventListener('success', () => (entry.end = performance.now()));
		return request;
	};

	try {
		new PerformanceObserver((list) => {
			for (const task of list.getEntries())
				probe.longTasks.push({ start: task.startTime, duration: task.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No long-task timing in this browser: the breakdown goes without it.
	}

	// Commit time of a review: IndexedDB fires `complete` on the transaction once its writes
	// are durable enough for the browser to call them committed.
	const transaction = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (stores, mode) {
		// eslint-disable-next-line prefer-rest-params
		const tx = transaction.apply(this, arguments);
		const names = typeof stores === 'string' ? [stores] : Array.from(stores);
		const any = { start: performance.now(), end: null };
		probe.transactions.push(any);
		const finish = () => (any.end = performance.now());
		tx.addEventListener('complete', finish);
		tx.addEventListener('abort', finish);
		if (mode === 'readwrite' && names.includes('reviewLogs')) {
			const entry = { start: performance.now(), end: null, committed: null };
			probe.reviewTransactions.push(entry);
			tx.addEventListener('complete', () => {
				entry.end = performance.now();
				entry.committed = true;
			});
			tx.addEventListener('abort', () => {
				entry.end = performance.now();
				entry.committed = false;
			});
		}
		return tx;
	};

	// A card's front "in the DOM" is the moment its text is there; "painted" is the first task
	// after the next animation frame, i.e. after the frame that shows it was produced.
	let lastFront = null;
	const watchFront = () => {
		if (probe.shellAt === null && document.querySelector('header'))
			probe.shellAt = performance.now();
		const text = document.querySelector('.front')?.textContent ?? '';
		if (!text || text === lastFront) return;
		lastFront = text;
		const entry = { text, at: performance.now(), painted: null };
		probe.fronts.push(entry);
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => (entry.painted = performance.now());
			channel.port2.postMessage(null);
		});
	};
	new MutationObserver(watchFront).observe(document, {
		childList: true,
		subtree: true,
		characterData: true
	});

	const click = HTMLAnchorElement.prototype.click;
	HTMLAnchorElement.prototype.click = function () {
		if (this.download) probe.downloads.push(performance.now());
		return click.call(this);
	};

	// Peak JS heap while sampling is on (Chromium's performance.memory, precise with
	// --enable-precise-memory-info).
	let sampler = null;
	probe.sampleHeap = (on) => {
		clearInterval(sampler);
		if (!on) return;
		const sample = () => {
			const used = performance.memory?.usedJSHeapSize ?? 0;
			if (used > probe.heapPeak) probe.heapPeak = used;
		};
		sample();
		sampler = setInterval(sample, 25);
	};
})();
