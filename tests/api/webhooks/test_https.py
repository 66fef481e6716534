"""HTTPS: the connection goes to the checked address, yet TLS (SNI and the
certificate check) and the Host header use the name in the URL."""

import datetime
import ssl

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from api.webhooks.models import DeliveryStatus, WebhookDelivery
from tests.factories import add_item

from .receiver import Receiver

pytestmark = pytest.mark.django_db


def _self_signed(tmp_path, name="localhost"):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def tls_receiver(tmp_path, monkeypatch):
    cert_file, key_file = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))  # trusted by the sender
    server = Receiver(tls_context=context).start()
    yield server
    server.stop()


def test_https_endpoint_receives_with_its_name_checked(
    opds, tls_receiver, make_endpoint, committed
):
    make_endpoint(opds["dinkes"], tls_receiver.url_for("localhost"))
    with committed():
        add_item(opds["dinkes"], "Lewat HTTPS")
    assert tls_receiver.events() == ["content.published"]
    port = tls_receiver.server.server_address[1]
    assert tls_receiver.requests[0].headers["Host"] == f"localhost:{port}"
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_a_certificate_for_another_name_is_refused(
    opds, tls_receiver, make_endpoint, committed
):
    make_endpoint(opds["dinkes"], tls_receiver.url_for("127.0.0.1"))
    with committed():
        add_item(opds["dinkes"], "Sertifikat Salah")
    assert tls_receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert "SSLError" in delivery.last_error
