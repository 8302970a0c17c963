#!/usr/bin/env python3
"""Writes the third-party notices installed with the Debian package: every
crate the release binary is built from, as Cargo.lock pins it (through
`cargo metadata --locked`), with its licence expression, its repository and
the licence and notice files it ships, then the licence of the fonts the
program embeds (assets/fonts).

    python3 .ci/third-party-notices.py OUT.txt
"""

import json
import pathlib
import re
import subprocess
import sys

LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)", re.IGNORECASE)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    host = re.search(r"^host: (\S+)", subprocess.run(
        ["rustc", "-vV"], check=True, capture_output=True, text=True).stdout, re.M).group(1)
    # The crates of the platform the package is built for, not every
    # platform the dependencies support.
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", host],
        check=True, capture_output=True, text=True).stdout)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    # What the binary links: normal and build dependencies, never dev ones.
    seen, stack = set(), [root]
    while stack:
        node = nodes[stack.pop()]
        for dep in node["deps"]:
            kinds = {k["kind"] for k in dep["dep_kinds"]}
            if kinds & {None, "build"} and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                stack.append(dep["pkg"])
    crates = sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))
    lines = [
        "xhim-aid: third-party software",
        "",
        f"xhim-aid is built from {len(crates)} crates besides its own code, as pinned by",
        "its Cargo.lock. Each is listed with its licence; the licence and notice",
        "files each crate ships follow the list, then the licence of the Noto",
        "fonts the program embeds for Japanese, Chinese, Korean, Arabic and Hebrew.",
        "",
    ]
    for p in crates:
        repo = p.get("repository") or ""
        lines.append(f"{p['name']} {p['version']}: {p.get('license') or 'see its licence file'}  {repo}".rstrip())
    for p in crates:
        folder = pathlib.Path(p["manifest_path"]).parent
        files = sorted(f for f in folder.iterdir() if f.is_file() and LICENCE_FILE.match(f.name))
        lines += ["", "=" * 72, f"{p['name']} {p['version']} ({p.get('license') or 'licence file below'})", "=" * 72]
        if not files:
            lines.append("(the crate ships no licence file; its licence is named above)")
        for f in files:
            lines += ["", f"--- {f.name}", f.read_text(errors="replace").rstrip()]
    # The fonts compiled into the program beside the crates' own.
    fonts = pathlib.Path(__file__).resolve().parent.parent / "assets" / "fonts" / "OFL.txt"
    lines += ["", "=" * 72, "Fonts in assets/fonts (SIL Open Font License 1.1)", "=" * 72, "",
              fonts.read_text().rstrip()]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"{out}: {len(crates)} crates")


if __name__ == "__main__":
    main()
