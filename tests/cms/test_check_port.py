import socket
import subprocess
import sys


def test_port_in_use_gives_a_clear_message():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "scripts/check_port.py", "127.0.0.1", str(port)],
            capture_output=True,
            text=True,
        )
    assert result.returncode != 0
    assert f"Port {port}" in result.stderr and "make run PORT=" in result.stderr
