// Copies the files the pages need from node_modules into src/InvestmentCrm.Web/wwwroot/lib.
// Run by the Web project's build when wwwroot/lib is missing (`dotnet run` stays one command).
import { cpSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'src', 'InvestmentCrm.Web', 'wwwroot', 'lib');
const copies = [
  ['bootstrap/dist/css/bootstrap.min.css', 'bootstrap/bootstrap.min.css'],
  ['bootstrap/dist/css/bootstrap.min.css.map', 'bootstrap/bootstrap.min.css.map'],
  ['bootstrap/dist/js/bootstrap.bundle.min.js', 'bootstrap/bootstrap.bundle.min.js'],
  ['bootstrap/dist/js/bootstrap.bundle.min.js.map', 'bootstrap/bootstrap.bundle.min.js.map'],
  ['bootstrap-icons/font/bootstrap-icons.min.css', 'bootstrap-icons/bootstrap-icons.min.css'],
  ['bootstrap-icons/font/fonts', 'bootstrap-icons/fonts'],
  ['htmx.org/dist/htmx.min.js', 'htmx/htmx.min.js'],
  ['echarts/dist/echarts.min.js', 'echarts/echarts.min.js'],
];
// Hand-written files of this product.
const own = [['src/site.css', 'app/site.css'], ['src/site.js', 'app/site.js']];

for (const [from, to] of copies) {
  const source = join(here, 'node_modules', from);
  if (!existsSync(source)) {
    console.error(`missing ${source}: run "npm ci" in angular-free-ui first`);
    process.exit(1);
  }
  mkdirSync(dirname(join(target, to)), { recursive: true });
  cpSync(source, join(target, to), { recursive: true });
}
for (const [from, to] of own) {
  mkdirSync(dirname(join(target, to)), { recursive: true });
  cpSync(join(here, from), join(target, to));
}
writeFileSync(join(target, '.built'), new Date().toISOString() + '\n');
console.log(`front-end files copied to ${target}`);
