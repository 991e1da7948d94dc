"""The real `openai` client against a local HTTP server on 127.0.0.1 that speaks chat completions.

The server records every request it receives, so the tests can check what the client sent
(model, image as a data URL, JSON schema) and how many attempts a slow answer cost.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image, ImageDraw

from influfinder.domain.offer_terms import ContentSpecs
from influfinder.integrations.ai import AnalysisFailed, AnalysisRequest, analyzer
from influfinder.integrations.ai_openai import OpenAIAnalyzer
from influfinder.settings import get_settings

API_KEY = "sk-test-4f1c9b2e7d"
MODEL = "vision-test-model"
SHORT_TIMEOUT = 0.3
GOOD_ANSWER = {"quality_rating": 8, "relevance_rating": 9, "suggestions": ["Show the terrace in daylight"]}


class FakeChatServer:
    """Answers POST /v1/chat/completions with `self.reply`; `slow` makes it wait for `release`."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.reply: bytes = completion(json.dumps(GOOD_ANSWER))
        self.slow = False
        self.release = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/v1"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                body = self.rfile.read(int(self.headers["Content-Length"]))
                fake.requests.append({"path": self.path, "body": json.loads(body)})
                fake.headers.append({k.lower(): v for k, v in self.headers.items()})
                if fake.slow:
                    fake.release.wait(10)  # longer than the client's timeout; released at teardown
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(fake.reply)))
                self.end_headers()
                self.wfile.write(fake.reply)

            def log_message(self, *args) -> None:
                pass

        return Handler


def completion(content: str) -> bytes:
    """A chat-completions response whose assistant message is `content`."""
    return json.dumps(
        {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 1_800_000_000,
            "model": MODEL,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }
    ).encode()


@pytest.fixture
def chat_server() -> Iterator[FakeChatServer]:
    fake = FakeChatServer()
    fake.thread.start()
    yield fake
    fake.release.set()
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def openai_env(settings_env, chat_server):
    settings_env.set(OPENAI_API_KEY=API_KEY, OPENAI_BASE_URL=chat_server.base_url, OPENAI_MODEL=MODEL)
    return chat_server


def photo(width: int = 2000, height: int = 1500) -> bytes:
    img = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    ImageDraw.Draw(img).ellipse([400, 300, 1400, 1200], fill=(200, 120, 40), outline=(0, 0, 0), width=8)
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    return buffer.getvalue()


def request(images: list[bytes]) -> AnalysisRequest:
    return AnalysisRequest(
        images=images,
        captions={"INSTAGRAM": "Brunch on the terrace at @cafe.aurora #brunchtime"},
        platform="INSTAGRAM",
        offer_title="Weekend brunch at Café Aurora",
        offer_description="Try our new brunch menu on the garden terrace.",
        offer_category="FOOD",
        content_specs=ContentSpecs(required_hashtags=["#brunchtime", "#CafeAurora"], required_mentions=["@cafe.aurora"]),
        paid_partnership=True,
    )


def test_with_a_key_the_openai_analyzer_parses_a_good_answer(openai_env):
    chosen = analyzer()
    assert isinstance(chosen, OpenAIAnalyzer)
    result = chosen.analyze(request([photo()]))
    assert (result.quality_rating, result.relevance_rating) == (8, 9)
    # Hashtags, mentions and disclosure come from the captions, not from the model.
    assert result.hashtags_found == ["#brunchtime"]
    assert result.hashtags_missing == ["#CafeAurora"]
    assert result.mentions_found == ["@cafe.aurora"]
    assert result.disclosure_found  # the paid-partnership label of the submission's platform
    assert result.compliance_percentage == 75.0
    assert result.suggestions == ["Add the required hashtag #CafeAurora", "Show the terrace in daylight"]
    assert result.ai_score == 80.0  # 37.5 + 20 + 22.5


def test_the_request_carries_the_model_the_schema_and_the_photo_as_a_jpeg_data_url(openai_env):
    analyzer().analyze(request([photo(2000, 1500)]))
    sent = openai_env.requests[0]
    assert sent["path"] == "/v1/chat/completions"
    assert sent["body"]["model"] == MODEL == get_settings().openai_model
    assert sent["body"]["response_format"]["type"] == "json_schema"
    assert openai_env.headers[0]["authorization"] == f"Bearer {API_KEY}"
    parts = sent["body"]["messages"][-1]["content"]
    url = next(p["image_url"]["url"] for p in parts if p["type"] == "image_url")
    prefix = "data:image/jpeg;base64,"
    assert url.startswith(prefix)
    sent_image = Image.open(io.BytesIO(base64.b64decode(url[len(prefix):])))
    assert sent_image.format == "JPEG"
    assert sent_image.size == (1024, 768)  # downscaled to at most 1024 px, same proportions
    text = next(p["text"] for p in parts if p["type"] == "text")
    assert "Weekend brunch at Café Aurora" in text and "#brunchtime" in text


def test_a_slow_server_fails_the_analysis_after_two_retries(openai_env, caplog):
    openai_env.slow = True
    slow_analyzer = OpenAIAnalyzer(get_settings(), timeout_s=SHORT_TIMEOUT)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AnalysisFailed, match="did not answer in time"):
        slow_analyzer.analyze(request([photo(400, 300)]))
    assert len(openai_env.requests) == 3  # the first attempt and two retries
    assert API_KEY not in caplog.text


@pytest.mark.parametrize(
    "reply",
    [
        completion("Sure! Here is my rating: quality 8"),  # the model's answer is not JSON
        completion(json.dumps(GOOD_ANSWER | {"quality_rating": 11})),  # out of the schema's range
        completion(json.dumps({"quality_rating": 8})),  # fields missing
        completion(json.dumps(GOOD_ANSWER | {"hashtags_found": ["#made_up"]})),  # a field we did not ask for
        b"<html>Bad gateway</html>",  # the HTTP body is not JSON at all
    ],
    ids=["prose", "out-of-range", "missing-fields", "extra-field", "not-json-body"],
)
def test_a_malformed_answer_fails_the_analysis(openai_env, reply):
    openai_env.reply = reply
    with pytest.raises(AnalysisFailed, match="could not be read"):
        analyzer().analyze(request([photo(400, 300)]))
    assert len(openai_env.requests) == 1  # a bad answer is not retried by the client


def test_an_http_error_fails_the_analysis_without_leaking_the_key(settings_env, caplog):
    # Nothing listens on port 9 of 127.0.0.1: the connection is refused at once, on every attempt.
    settings_env.set(OPENAI_API_KEY=API_KEY, OPENAI_BASE_URL="http://127.0.0.1:9/v1", OPENAI_MODEL=MODEL)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AnalysisFailed, match="could not be reached") as failure:
        analyzer().analyze(request([]))
    assert API_KEY not in caplog.text and API_KEY not in str(failure.value)
