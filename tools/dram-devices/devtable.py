"""Shared helpers of the device-table scripts: read a file from a repository checkout or a bare git directory,
and write Undervolt's device-table CSV (format: undervolt-core .../dram/device/DeviceTable.java)."""
import os
import subprocess

COLUMNS = "device,vendor,x,measured,ber_lower,ber_upper,saturated"


def read_source(repo, path):
    """Text of `path` in `repo`: a work tree (file on disk) or a git directory (HEAD's blob)."""
    on_disk = os.path.join(repo, path)
    if os.path.isfile(on_disk):
        with open(on_disk, encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["git", "--git-dir=" + git_dir(repo), "show", "HEAD:" + path], check=True,
                          capture_output=True, text=True).stdout


def list_dir(repo, path):
    """File names directly under `path` in `repo` (work tree or git directory), sorted."""
    on_disk = os.path.join(repo, path)
    if os.path.isdir(on_disk):
        return sorted(os.listdir(on_disk))
    out = subprocess.run(["git", "--git-dir=" + git_dir(repo), "ls-tree", "--name-only", "HEAD", path + "/"],
                         check=True, capture_output=True, text=True).stdout
    return sorted(os.path.basename(p) for p in out.split())


def revision(repo):
    """The commit the data was read at, or 'working tree' when `repo` is not a git repository."""
    try:
        return subprocess.run(["git", "--git-dir=" + git_dir(repo), "rev-parse", "HEAD"], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "working tree"


def git_dir(repo):
    dot = os.path.join(repo, ".git")
    return dot if os.path.isdir(dot) else repo


def fmt(v):
    """Shortest text that parses back to the same double (repr), integers without a fraction."""
    if isinstance(v, int):
        return str(v)
    return repr(float(v))


def write_table(out, header_lines, rows):
    """Writes '# ' header lines, the column header and one row per (device, vendor, x, measured, lo, hi, sat)."""
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write(("# " + h).rstrip() + "\n")
        f.write(COLUMNS + "\n")
        for r in rows:
            f.write(",".join(fmt(v) if not isinstance(v, str) else v for v in r) + "\n")


def main(doc, source, default_out, derive, header):
    """Command line shared by the derivation scripts: REPO [--out FILE]; derives the rows and writes the table."""
    import argparse
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("repo", help="checkout or git directory of " + source)
    ap.add_argument("--out", default=default_out)
    a = ap.parse_args()
    rows = derive(a.repo)
    write_table(a.out, header(a.repo, rows), rows)
    print("%s: %d rows, %d devices" % (a.out, len(rows), len({r[0] for r in rows})))
