"""``--shard I/N``: the spec, and how blobs are shared between jobs."""

from __future__ import annotations

import hashlib

import pytest

from codehealth.core import ConfigError
from codehealth.history.shards import Shard, parse_shard


def test_a_spec_is_job_i_of_n() -> None:
    assert parse_shard("2/4") == Shard(2, 4)
    assert parse_shard(" 1 / 1 ") == Shard(1, 1)


@pytest.mark.parametrize("spec", ["3/2", "0/4", "1/0", "x", "2", "-1/3", "1/2/3"])
def test_a_spec_outside_1_to_n_names_the_fix(spec: str) -> None:
    with pytest.raises(ConfigError, match=r"--shard .*(I/N|from 1 to N)"):
        parse_shard(spec)


def test_the_shares_of_all_jobs_are_every_blob_once_and_even() -> None:
    blobs = [hashlib.sha1(str(n).encode()).hexdigest() for n in range(4000)]
    shares = [Shard(index, 4).share(blobs) for index in range(1, 5)]
    assert sorted(blob for share in shares for blob in share) == sorted(
        blobs
    )  # each blob in exactly one share
    assert all(900 <= len(share) <= 1100 for share in shares)  # ~1000 each
    assert Shard().share(blobs) == blobs
