# Shared by build.sh and test.sh: create .venv with the pinned packages (idempotent).
ensure_venv() {
  local requirements="$1"
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "python3-venv is missing: installing it with apt-get"
        apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv .venv
      else
        echo "error: python3 -m venv failed; install Debian's python3-venv (sudo apt-get install python3-venv)" >&2
        exit 1
      fi
    fi
  fi
  local stamp=".venv/.installed-$(sha256sum "$requirements" requirements.txt constraints.txt pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    # constraints.txt locks every transitive dependency to the versions last tested
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements" -c constraints.txt
    # the project itself, editable and without dependencies: registers the MkDocs plugin (mkdocs.yml `plugins:`)
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
    touch "$stamp"
  fi
}
