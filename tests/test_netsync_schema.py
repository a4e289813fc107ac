"""The mailbox's published OpenAPI schema, checked by schemathesis against a running server: every
operation, with requests generated from the schema and signed by a trusted village (so they get
past the signature and reach the handlers), answers as the schema says and never with a 5xx."""

from __future__ import annotations

import hashlib

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from app.services.sync import transport
from tests import netkit, synckit

pytestmark = pytest.mark.slow


def test_the_published_schema_holds_against_a_running_server(tmp_path):
    town, (village,) = synckit.county(tmp_path, villages=1)
    keys, device = village.keys, village.device_id
    with netkit.serve(town) as server, httpx.Client(base_url=server.url, timeout=10) as http:
        schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {f"{op.method.upper()} {op.path}" for op in operations} >= {
            "GET /v1/health",
            "GET /v1/status",
            "GET /v1/uploads/{upload_id}",
            "PUT /v1/uploads/{upload_id}",
            "GET /v1/bundles",
            "GET /v1/bundles/{name}",
            "POST /v1/bundles/{name}/ack",
        }
        sent = []

        def exercise(operation) -> None:
            @given(case=operation.as_strategy())
            @settings(
                max_examples=12,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def check(case):
                kwargs = case.as_transport_kwargs(base_url=server.url)
                request = http.build_request(
                    kwargs["method"],
                    kwargs["url"],
                    params=kwargs.get("params"),
                    headers={k: str(v) for k, v in (kwargs.get("headers") or {}).items()},
                    content=kwargs.get("data") if isinstance(kwargs.get("data"), bytes | str) else None,
                    json=kwargs.get("json"),
                )
                body = request.read()
                if operation.definition.raw.get("security"):  # unsigned, the same request is refused
                    assert http.send(request).status_code == 401
                request.headers.update(
                    transport.sign_headers(
                        keys,
                        device,
                        request.method,
                        request.url.raw_path.decode("ascii"),
                        hashlib.sha256(body).hexdigest(),
                        headers=request.headers,
                    )
                )
                response = http.send(request)
                sent.append((operation.path, response.status_code))
                assert response.status_code < 500, response.text
                # The generated auth is replaced by a real signature (so 200 is right where the
                # check expects a refusal); unsigned requests are checked above instead.
                case.validate_response(
                    response,
                    excluded_checks=[
                        schemathesis.checks.positive_data_acceptance,
                        schemathesis.checks.ignored_auth,
                    ],
                )

            check()

        for operation in operations:
            exercise(operation)
        statuses = {code for _, code in sent}
        assert 200 in statuses and any(400 <= c < 500 for c in statuses)  # signed requests got through
