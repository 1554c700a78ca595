"""Builds dist/yttra.html: the whole app in one file that works when opened straight from disk.

Browsers refuse to load a page's separate script and wasm files from file://, so everything is
inlined: the styles, the three wasm-bindgen glue modules (start page, app and generator, each in
its own module script, since their names clash), and the three WebAssembly binaries as base64
in non-executed script blocks. The
Content Security Policy still forbids every other origin; the inline scripts and styles are
allowed by their SHA-256 hashes, not by 'unsafe-inline'. pdf.js (its library and its worker)
is carried as base64 too and started from blob: addresses when a PDF is opened, so the policy
allows blob: scripts and workers (made only by the page's own scripts).

The generator's functions are handed to the app by the names in generator/exports.txt, the one
list of them.

Usage: python3 scripts/single_file.py DIST_DIRECTORY
"""

import base64
import hashlib
import pathlib
import re
import sys


def strip_exports(glue: str) -> str:
    """Makes an ES module's exports plain declarations, so it can be inlined in a page."""
    glue = re.sub(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.MULTILINE)
    glue = re.sub(r"^export (async function|function|class|const|let)", r"\1", glue, flags=re.MULTILINE)
    return glue


def inlined_glue(folder: pathlib.Path, glue_name: str) -> str:
    """A wasm-bindgen glue module with its inline snippets, as one script's statements."""
    glue = (folder / glue_name).read_text(encoding="utf-8")
    snippets = sorted((folder / "snippets").rglob("*.js"))
    inlined = "".join(strip_exports(path.read_text(encoding="utf-8")) + "\n" for path in snippets)
    # The snippets (each `inline_js` of the module) share one module scope here, so their
    # top-level names must differ; a clash would stop the whole page.
    names = re.findall(r"^(?:let|const|var|function|async function) (\w+)", inlined, flags=re.MULTILINE)
    clashes = sorted({name for name in names if names.count(name) > 1})
    if clashes:
        raise RuntimeError(f"inline_js snippets declare the same top-level names {clashes}; rename them")
    glue = re.sub(r"^import \{[^}]*\} from '\./snippets/[^']*';\s*$", "", glue, flags=re.MULTILINE)
    # A plain (not `catch`) import is reached as `importN.name`: that namespace becomes an object
    # of the snippet's exported functions, which now stand in the page's scope.
    exported = {
        path.relative_to(folder).as_posix(): re.findall(
            r"^export (?:async )?function (\w+)", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        for path in snippets
    }

    def namespace(match):
        names = exported.get(match.group(2))
        if names is None:
            raise RuntimeError(f"the glue imports {match.group(2)}, which is no snippet; update single_file.py")
        return f"const {match.group(1)} = {{ {', '.join(names)} }};"

    glue = re.sub(r"""^import \* as (\w+) from ["']\./([^"']*)["'];?\s*$""", namespace, glue, flags=re.MULTILINE)
    return inlined + strip_exports(glue)


def first_screen_module(dist: pathlib.Path) -> str:
    """The start page's module and the page's start-up script, the wasm taken from the page."""
    start = (dist / "app.js").read_text(encoding="utf-8")
    start = re.sub(r"^import init from [^;]*;\s*$", "", start, flags=re.MULTILINE)
    if "init()" not in start:
        raise RuntimeError("app.js no longer starts the app with init(); update single_file.py")
    start = start.replace("init()", "__wbg_init({ module_or_path: globalThis.yttraBytes('yttra-first-screen-wasm') })")
    return inlined_glue(dist / "pkg", "first_screen.js") + start


def app_module(dist: pathlib.Path) -> str:
    """The rest of the app, compiled from the page when the start page asks for it (app.js's
    own loader, which fetches app/, is then left unused)."""
    return inlined_glue(dist / "app", "frontend.js") + """
globalThis.yttraLoadApp = async () => {
  const module = await WebAssembly.compile(globalThis.yttraBytes('yttra-app-wasm'));
  return () => __wbg_init({ module_or_path: module });
};
"""


EXPORTS = pathlib.Path(__file__).resolve().parent.parent / "generator" / "exports.txt"


def generator_exports() -> list:
    """The names of the generator's functions, as generator/exports.txt lists them."""
    names = []
    for line in EXPORTS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("old "):
            line = line[len("old "):]
        names.append(line.split("(", 1)[0].strip())
    return names


def generator_module(dist: pathlib.Path) -> str:
    glue = strip_exports((dist / "generator" / "generator.js").read_text(encoding="utf-8"))
    names = generator_exports()
    missing = [name for name in names if not re.search(rf"^function {name}\(", glue, flags=re.MULTILINE)]
    if missing:
        raise RuntimeError(f"generator.js lacks {missing} from {EXPORTS}; rebuild the generator")
    # The base64 texts are taken when this script runs: the app mounts into <body> and may
    # replace what is there. They are decoded only when needed.
    return """
const yttraEncoded = {};
for (const id of ['yttra-first-screen-wasm', 'yttra-app-wasm', 'yttra-generator-wasm', 'yttra-pdfjs', 'yttra-pdfjs-worker']) {
  yttraEncoded[id] = document.getElementById(id).textContent.trim();
}
globalThis.yttraBytes = (id) => Uint8Array.from(atob(yttraEncoded[id]), (c) => c.charCodeAt(0));
""" + glue + """
// pdf.js, carried as text and started from blob: addresses only when a PDF is opened.
globalThis.yttraLoadPdfjs = async () => {
  const url = (id) => URL.createObjectURL(new Blob([globalThis.yttraBytes(id)], { type: 'text/javascript' }));
  const lib = await import(url('yttra-pdfjs'));
  lib.GlobalWorkerOptions.workerSrc = url('yttra-pdfjs-worker');
  return lib;
};
globalThis.yttraLoadGenerator = async () => {
  await __wbg_init({ module_or_path: globalThis.yttraBytes('yttra-generator-wasm') });
  return { """ + ", ".join(names) + """ };
};
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def main():
    dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    page = (dist / "index.html").read_text(encoding="utf-8")
    style = (dist / "style.css").read_text(encoding="utf-8")
    generator = generator_module(dist)
    app = app_module(dist)
    first_screen = first_screen_module(dist)
    csp = (
        "default-src 'none'; "
        f"script-src {sha256(generator)} {sha256(app)} {sha256(first_screen)} blob: 'wasm-unsafe-eval'; "
        "worker-src blob:; "
        f"style-src {sha256(style)}; img-src data: blob:; base-uri 'none'; form-action 'none'"
    )
    page = re.sub(r'content="default-src[^"]*"', f'content="{csp}"', page)
    page = page.replace('<link rel="stylesheet" href="./style.css">', f"<style>{style}</style>")
    page = page.replace('<script type="module" src="./app.js"></script>', "")
    # Preloads of the separate files, and what they are for: in this page everything is inline.
    page = re.sub(r'^\s*<link rel="(?:module)?preload"[^>]*>\n', "", page, flags=re.MULTILINE)
    page = re.sub(r"^\s*<!-- Preloaded:.*?-->\n", "", page, flags=re.MULTILINE | re.DOTALL)
    binaries = "".join(
        f'<script type="application/octet-stream" id="{element_id}">'
        f"{base64.b64encode(path.read_bytes()).decode()}</script>\n"
        for element_id, path in [
            ("yttra-first-screen-wasm", dist / "pkg" / "first_screen_bg.wasm"),
            ("yttra-app-wasm", dist / "app" / "frontend_bg.wasm"),
            ("yttra-generator-wasm", dist / "generator" / "generator_bg.wasm"),
            ("yttra-pdfjs", dist / "pdfjs" / "pdf.min.mjs"),
            ("yttra-pdfjs-worker", dist / "pdfjs" / "pdf.worker.min.mjs"),
        ]
    )
    # In this order: the generator's script holds the page's bytes, the app's defines how the
    # start page starts it, and the start page's runs.
    scripts = "".join(f'<script type="module">{script}</script>\n' for script in [generator, app, first_screen])
    # In <head>: the app mounts into <body>.
    page = page.replace("</head>", binaries + scripts + "</head>")
    (dist / "yttra.html").write_text(page, encoding="utf-8")
    print(f"Built {dist / 'yttra.html'}: {len(page.encode('utf-8'))} bytes")


if __name__ == "__main__":
    main()
