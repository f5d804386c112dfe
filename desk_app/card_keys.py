"""The keys that sign membership cards, kept outside the database so that a
copy of the database file alone cannot forge a card.

Where they come from:

- `DESK_APP_CARD_KEY`, when set (a server setup, where the desks share a
  PostgreSQL database): `K2=<hex>,K1=<hex>,HD1=<hex>`. The first `K` key
  signs new cards; the others still verify the cards they signed; `HD1=`
  is the key of cards printed before cards carried a key id.
- otherwise the key file of the database's installation in this machine's
  data folder, `card-keys/<installation id>.json`, readable by its owner
  only (0600):

      {"installation": "<id>", "current": "K2",
       "keys": {"K1": "<hex>", "K2": "<hex>"}, "legacy": "<hex>"}

Each database has its own installation id (the `installation_id` setting),
so a training database and the live one on the same PC never share keys.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .domain import errors
from .paths import data_dir

ENV = "DESK_APP_CARD_KEY"
LEGACY_ID = "HD1"
_KID = re.compile(r"^K[0-9]{1,6}$")
_HEX = re.compile(r"^[0-9a-f]{32,128}$")
_INSTALLATION = re.compile(r"^[0-9a-f]{32}$")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardKeys:
    current: str
    keys: Mapping[str, bytes]
    legacy: bytes | None
    source: str  # "file" or "environment"

    def signing(self) -> tuple[str, bytes]:
        return self.current, self.keys[self.current]


def new_installation_id() -> str:
    return secrets.token_hex(16)


def key_dir() -> Path:
    return data_dir() / "card-keys"


def key_file(installation: str) -> Path:
    if not _INSTALLATION.match(installation or ""):
        raise errors.CardKeyMissing("This database has no valid installation id: its card keys cannot be found.")
    return key_dir() / f"{installation}.json"


def from_environment() -> CardKeys | None:
    text = os.environ.get(ENV, "").strip()
    if not text:
        return None
    keys: dict[str, bytes] = {}
    current = legacy = None
    for item in text.split(","):
        kid, sep, value = item.strip().partition("=")
        kid, value = kid.strip().upper(), value.strip().lower()
        if not sep or not _HEX.match(value) or len(value) % 2 or not (_KID.match(kid) or kid == LEGACY_ID):
            raise errors.CardKeyMissing(f"{ENV} is not a list of KEY_ID=<hex> (K1=..., HD1=...).")
        if kid == LEGACY_ID:
            legacy = bytes.fromhex(value)
            continue
        keys[kid] = bytes.fromhex(value)
        current = current or kid
    if current is None:
        raise errors.CardKeyMissing(f"{ENV} names no signing key (K1=<hex>).")
    return CardKeys(current, keys, legacy, "environment")


def _parse_file(path: Path, installation: str) -> CardKeys:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        keys = {k: bytes.fromhex(v) for k, v in data["keys"].items() if _KID.match(k)}
        current = data["current"]
        legacy = bytes.fromhex(data["legacy"]) if data.get("legacy") else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise errors.CardKeyMissing(f"The card key file {path} cannot be read ({type(exc).__name__}).") from None
    if data.get("installation") != installation or current not in keys:
        raise errors.CardKeyMissing(f"The card key file {path} does not belong to this database.")
    return CardKeys(current, keys, legacy, "file")


def _tighten(path: Path) -> None:
    if os.name != "posix":
        return  # the user's profile folder is private on Windows already
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        try:
            path.chmod(0o600)
            log.warning("card key file %s was readable by others (%o): made owner-only", path, mode)
        except OSError:
            log.warning("card key file %s is readable by others (%o)", path, mode)


def load(installation: str) -> CardKeys:
    env = from_environment()
    if env is not None:
        return env
    path = key_file(installation)
    if not path.exists():
        raise errors.CardKeyMissing(
            "This desk has no card-signing key for this database, so it cannot issue or check cards. "
            f"Copy the key file {path.name} from the desk that set the database up into {key_dir()}, "
            f"or set {ENV}.")
    _tighten(path)
    return _parse_file(path, installation)


def _write(installation: str, current: str, keys: Mapping[str, bytes], legacy: bytes | None) -> CardKeys:
    """Written whole to a temporary file made owner-only before any key is
    in it, then moved over the old one."""
    path = key_file(installation)
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.parent.chmod(0o700)
    data = {"installation": installation, "current": current, "keys": {k: v.hex() for k, v in keys.items()}}
    if legacy is not None:
        data["legacy"] = legacy.hex()
    fd, tmp = tempfile.mkstemp(prefix=".keys-", dir=path.parent)  # mkstemp makes it 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return CardKeys(current, dict(keys), legacy, "file")


def _existing(installation: str) -> CardKeys | None:
    path = key_file(installation)
    return _parse_file(path, installation) if path.exists() else None


def create(installation: str) -> CardKeys:
    """The first key of a new database (kept if the file is there already)."""
    return _existing(installation) or _write(installation, "K1", {"K1": secrets.token_bytes(32)}, None)


def adopt_legacy(installation: str, secret_hex: str) -> CardKeys:
    """An older database's secret (it signed the HD1 cards) moves here; new
    cards get a key of their own, since the old one sat in the database."""
    keys = _existing(installation)
    legacy = bytes.fromhex(secret_hex)
    if keys is None:
        return _write(installation, "K1", {"K1": secrets.token_bytes(32)}, legacy)
    return _write(installation, keys.current, keys.keys, keys.legacy or legacy)


def _refuse_environment() -> None:
    if os.environ.get(ENV, "").strip():
        raise errors.NotSupported(f"The card keys come from {ENV} on this desk: change them there.")


def rotate(installation: str) -> CardKeys:
    """A new key signs new cards; cards signed by the older keys still work
    until their key is retired. Also the way back to issuing cards when the
    key file was lost (the old cards then have to be replaced)."""
    _refuse_environment()
    keys = _existing(installation)
    old = dict(keys.keys) if keys else {}
    kid = f"K{max((int(k[1:]) for k in old), default=0) + 1}"
    old[kid] = secrets.token_bytes(32)
    return _write(installation, kid, old, keys.legacy if keys else None)


def retire(installation: str, kid: str) -> CardKeys:
    """Stop accepting the cards one older key signed (HD1: the cards printed
    before key ids)."""
    _refuse_environment()
    keys = load(installation)
    kid = kid.strip().upper()
    if kid == keys.current:
        raise errors.NotPermitted("The key that signs new cards cannot be retired: rotate first.")
    if kid == LEGACY_ID and keys.legacy is not None:
        return _write(installation, keys.current, keys.keys, None)
    if kid not in keys.keys:
        raise errors.CardKeyMissing(f"No card key {kid[:10]} is known on this desk.")
    return _write(installation, keys.current, {k: v for k, v in keys.keys.items() if k != kid}, keys.legacy)
