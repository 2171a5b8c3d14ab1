#!/usr/bin/env python3
"""Lists every external program that `make demo` and `make test` run and fails, naming it, when
no package that `scripts/install-deps.sh` installs (or a package of Debian's minimal base) provides
it. A new user's machine has nothing else: a program that is here only because a developer
installed it by hand (curl, say) fails their first run, and CI, which runs on a machine like ours,
would never notice.

How: every word in a command position of the shell scripts, and every program named in the
test sources' command strings, that resolves to an executable here is looked up in dpkg's file
lists. Its package must be Essential or of priority `required` (what debootstrap --variant=minbase
installs), or reachable through Depends/Pre-Depends from the packages install-deps.sh names
(plus postgresql-15, which scripts/with-postgres.sh installs itself).

    scripts/check-tools.py            # prints the list, exits 1 naming what is missing
"""
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN_DIRS = ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/lib/postgresql/15/bin"]
# What the scripts of `make demo` and `make test` are (bench and fuzz have their own groups).
SHELL_SOURCES = [".ci/run", "scripts/demo.sh",
                 "scripts/acceptance.sh", "scripts/format-transfer.sh", "scripts/with-postgres.sh",
                 "scripts/check-export.sh", "tests/*.sh", "tests/browser/*.sh", "tests/openapi/*.sh"]
CODE_SOURCES = ["src/**/*_test.cc", "src/**/testing/*.cc", "tests/*.cc", "tests/browser/*.mjs", "tests/openapi/*.mjs",
                "scripts/*.py"]
# Packages installed by a script other than install-deps.sh, before they are used.
INSTALLED_ELSEWHERE = {"postgresql-15": "scripts/with-postgres.sh"}


def shell_words(text):
    """Words in command position: at a line start or after | ; & && || ( $( ` then/do/else."""
    words = set()
    for line in text.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", line)  # comments
        # Quoted text is not a command, but a $( ) inside double quotes is.
        line = re.sub(r"'[^']*'", "''", line)
        line = re.sub(r'"(?:[^"\\]|\\.)*"',
                      lambda m: " ; ".join(re.findall(r"\$\(([^()]*)\)", m.group(0))) or '""', line)
        for part in re.split(r"\|\||&&|[|;&(`]|\$\(|\bthen\b|\bdo\b|\belse\b|\bexec\b|\btimeout\s+\d+\w?",
                             line):
            match = re.match(r"\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*([a-z][a-z0-9+._-]*)\b", part)
            if match:
                words.add(match.group(1))
    return words


def code_words(text):
    """The program of each command a test starts: the first literal given to RunCommand, popen,
    HaveProgram, system, spawn, execSync, execFileSync, subprocess.run and their kin."""
    words = set()
    launch = (r"\b(?:RunCommand|HaveProgram|popen|system|execvp|execlp|spawn|spawnSync|execSync|"
              r"execFile|execFileSync|run|check_output|check_call|Popen)\(\s*\[?\s*"
              r"(?:\"([^\"\n]*)\"|'([^'\n]*)'|`([^`\n]*)`)")
    for literal in re.findall(launch, text):
        body = next((part for part in literal if part), "")
        for part in re.split(r"\|\||&&|[|;]", body):
            match = re.match(r"\s*(?:timeout\s+\d+\w?\s+)?([a-z][a-z0-9+._-]*)(\s|$)", part)
            if match:
                words.add(match.group(1))
    return words


def makefile_recipes(targets):
    """The recipes of `targets` and of every target they depend on: the Makefile's other targets
    (bench, fuzz, package) run tools of their own install-deps groups."""
    rules, current = {}, None
    with open(os.path.join(ROOT, "Makefile"), encoding="utf-8") as f:
        for line in f:
            rule = re.match(r"^([A-Za-z0-9_./$()-]+):(?!=)(.*)$", line)
            if rule:
                current = rules.setdefault(rule.group(1), [rule.group(2).split(), []])
            elif line.startswith("\t") and current is not None:
                current[1].append(line)
            elif line.strip() and not line.startswith("#"):
                current = None
    seen, stack, text = set(), list(targets), []
    while stack:
        name = stack.pop()
        if name in seen or name not in rules:
            continue
        seen.add(name)
        stack.extend(rules[name][0])
        text.extend(rules[name][1])
    return "".join(text)


def read(pattern):
    for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            yield os.path.relpath(path, ROOT), f.read()


def install_deps_packages():
    text = open(os.path.join(ROOT, "scripts/install-deps.sh"), encoding="utf-8").read()
    block = re.search(r"packages=\((.*?)\n\)", text, re.S).group(1)
    names = set()
    for line in block.splitlines():
        names.update(re.findall(r"[a-z0-9][a-z0-9+.-]+", re.sub(r"#.*", "", line)))
    names.add("npm")  # added by the script when node carries no npm
    return names


def dpkg_owners():
    """Maps an executable's path to its package, through dpkg's file lists."""
    owners = {}
    for listing in glob.glob("/var/lib/dpkg/info/*.list"):
        package = os.path.basename(listing)[:-5].split(":")[0]
        with open(listing, encoding="utf-8", errors="replace") as f:
            for path in f:
                path = path.rstrip("\n")
                if os.path.dirname(path) in BIN_DIRS:
                    owners.setdefault(path, package)
    return owners


def installed_packages():
    """Package -> (essential or required, [dependency alternatives])."""
    out = subprocess.run(["dpkg-query", "-W", "-f",
                          "${Package}\t${Essential}\t${Priority}\t${Pre-Depends}, ${Depends}\t${Provides}\n"],
                         capture_output=True, text=True, check=True).stdout
    packages, provides = {}, {}
    for row in out.splitlines():
        name, essential, priority, depends, provided = (row.split("\t") + [""] * 5)[:5]
        alternatives = []
        for dep in depends.split(","):
            choices = [re.sub(r"[\s(:].*", "", c.strip()) for c in dep.split("|") if c.strip()]
            if choices:
                alternatives.append(choices)
        packages[name] = (essential == "yes" or priority == "required", alternatives)
        for p in provided.split(","):
            if p.strip():
                provides.setdefault(re.sub(r"[\s(].*", "", p.strip()), []).append(name)
    return packages, provides


def closure(roots, packages, provides):
    seen, stack = set(), list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        for choices in packages.get(name, (False, []))[1]:
            for choice in choices:  # the first alternative that is installed here
                real = [choice] if choice in packages else provides.get(choice, [])
                if real:
                    stack.extend(real)
                    break
    return seen


def main():
    used = {}  # program -> first file that runs it
    for word in shell_words(makefile_recipes(["demo", "test"])):
        used.setdefault(word, "Makefile")
    for pattern in SHELL_SOURCES:
        for path, text in read(pattern):
            for word in shell_words(text):
                used.setdefault(word, path)
    for pattern in CODE_SOURCES:
        for path, text in read(pattern):
            for word in code_words(text):
                used.setdefault(word, path)

    owners = dpkg_owners()
    packages, provides = installed_packages()
    wanted = install_deps_packages() | set(INSTALLED_ELSEWHERE)
    allowed = closure(wanted, packages, provides)
    builtins = set(subprocess.run(["bash", "-c", "compgen -b; compgen -k"], capture_output=True,
                                  text=True).stdout.split())

    listed, missing = [], []
    for word in sorted(used):
        if word in builtins:
            continue
        paths = [os.path.join(d, word) for d in BIN_DIRS]
        if not any(os.access(p, os.X_OK) for p in paths) and shutil.which(word) is None:
            continue  # not a program on this machine: an ordinary word
        package = next((owners[p] for p in paths if p in owners), None)
        if package is None:
            missing.append(f"{word} (run by {used[word]}): at {shutil.which(word)}, from no Debian package")
            continue
        base = packages.get(package, (False, []))[0]
        if base or package in allowed:
            listed.append(f"{word}:{package}")
        else:
            missing.append(f"{word} (run by {used[word]}): package {package} is not installed by "
                           "scripts/install-deps.sh")
    print("check-tools: programs run by make demo / make test: " + " ".join(listed), flush=True)
    if missing:
        print("check-tools: MISSING from scripts/install-deps.sh:", file=sys.stderr)
        for line in missing:
            print("  " + line, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
