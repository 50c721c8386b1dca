// Readability.js (with linkedom as the DOM) on the same pages: prints
// "pages seconds" (CPU time of the processing only).
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

let pages = 0, total = 0;
for (const path of process.argv.slice(2)) {
	const html = readFileSync(path, "utf8");
	const t0 = process.cpuUsage();
	try {
		const { document } = parseHTML(html);
		new Readability(document).parse();
	} catch (e) { /* a page it cannot handle still counts */ }
	const d = process.cpuUsage(t0);
	total += (d.user + d.system) / 1e6;
	pages++;
}
console.log(pages, total.toFixed(6));
