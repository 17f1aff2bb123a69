"""Earth Engine login with a service account's key: credentials built from the key text (never a file),
a token fetched from the key's token_uri (the loopback stand-in's) and sent with every request."""

from __future__ import annotations

import json

import pytest

from timestack.core.earthengine.login import API_URL_ENV, service_account_credentials, sign_in
from timestack.core.earthengine.tasks import list_tasks
from timestack.core.runtime import TimestackError

ee = pytest.importorskip("ee")
from tests.helpers.earthengine import service_account_key  # noqa: E402
from tests.servers.earthengine import ACCESS_TOKEN, reset_earthengine  # noqa: E402

PROJECT = "timestack-test"


def test_a_service_account_key_logs_in_through_its_token_uri(earthengine_api):
    key = service_account_key(f"{earthengine_api.url}/token")
    sign_in(PROJECT, service_account_credentials(key))
    assert {task.id for task in list_tasks(PROJECT)} == {"RUNNINGTASK1", "PENDINGTASK2", "FAILEDTASK3"}
    assert earthengine_api.tokens_issued == 1 and ("POST", "/token") in earthengine_api.requests
    assert f"Bearer {ACCESS_TOKEN}" in earthengine_api.authorizations
    assert earthengine_api.authorizations[-1] == f"Bearer {ACCESS_TOKEN}"


@pytest.mark.parametrize(
    "key, lacking",
    [
        ("not json", "client_email, private_key, token_uri"),
        (json.dumps({"client_email": "a@b"}), "private_key"),
    ],
)
def test_a_password_that_is_no_key_says_what_it_lacks(key, lacking):
    with pytest.raises(
        TimestackError, match=f"AUTHCFG: .*service account's key JSON.*lacks {lacking}"
    ) as error:
        service_account_credentials(key)
    assert error.value.parameter == "AUTHCFG"


def test_a_damaged_private_key_is_refused_without_quoting_it():
    key = json.loads(service_account_key("http://127.0.0.1:9/token"))
    key["private_key"] = key["private_key"][:200] + "damaged-s3cret"
    with pytest.raises(TimestackError, match="cannot be used") as error:
        service_account_credentials(json.dumps(key))
    assert "s3cret" not in str(error.value) and "PRIVATE KEY" not in str(error.value)


def test_a_refused_token_request_names_authcfg(earthengine_api):
    key = service_account_key(f"{earthengine_api.url}/no-token-here")
    with pytest.raises(TimestackError, match="AUTHCFG: Earth Engine refused the service account") as error:
        sign_in(PROJECT, service_account_credentials(key))
    assert "PRIVATE" not in str(error.value)


@pytest.mark.parametrize("parameter", ["EE_PROJECT", "ENGINE"])
def test_earth_engine_out_of_reach_says_what_to_do_naming_the_parameter(monkeypatch, parameter):
    """The one ``ensure_initialized`` (LandTrendr, the composite, the tasks) fails with an error naming
    the parameter of the algorithm that asked, not a bare message."""
    from timestack.core.earthengine.login import ensure_initialized

    monkeypatch.setenv(API_URL_ENV, "http://127.0.0.1:9")  # nothing listens: Initialize fails
    reset_earthengine()
    try:
        with pytest.raises(TimestackError, match="earthengine authenticate") as error:
            ensure_initialized(PROJECT, parameter=parameter)
    finally:
        reset_earthengine()
    assert error.value.parameter == parameter
