"""Issue 11, point 5: uploads you can see, on the creator's content form, in Chromium at 1280 and 390 px.

A collaboration at the content step is prepared through the services (as in test_collaboration_flow:
the offer published, the creator accepted, the visit proposed, confirmed and marked); then, as the
creator would:
- a chosen photo shows as a thumbnail before anything is sent: an <img> whose src is a blob: URL
  of the chosen file, decoded by the browser (naturalWidth > 0); a chosen video shows a frame;
- a file of the wrong type, or larger than the server takes (a video's limit for the zone, a photo's
  own lower limit, an image's pixels), is refused at once with a message that names it, and nothing
  is sent to the server;
- a sending that fails (the server answers 413, or the connection drops) says so in a message, leaves
  the files chosen and the buttons usable, and the next try goes through;
- sending a photo of a few MB shows a progress bar with its percent. The upload is slowed down to
  about 1 MB/s (Chromium's network emulation), so the browser reports intermediate values; every
  aria-valuenow the bar takes is recorded (it must climb through values between 0 and 100 and end at
  100). Then the server's answer: the bar goes, the content is submitted and its analysis appears.
Screenshots go to tests/output/screenshots (upload-feedback-<step>-<viewport>.png).
"""

from __future__ import annotations

import base64
import io
import os
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from influfinder.domain.enums import UserType
from influfinder.services import collaborations
from tests.e2e.test_collaboration_flow import (  # noqa: F401 (engine: a fixture)
    PASSWORD, accepted_collaboration, engine, person, photo, transaction, visit_moment,
)
from tests.support.login_page import log_in

pytestmark = pytest.mark.e2e

MEGABYTE = 1024 * 1024
UPLOAD_BYTES_PER_SECOND = 1_000_000

# Every value the progress bar's aria-valuenow takes, recorded in the page as it happens.
RECORD_PROGRESS = """() => {
  window.__progressSeen = [];
  window.__stagesSeen = [];
  const note = (list, value) => { if (value !== null && list.at(-1) !== value) list.push(value); };
  const bars = '[role=progressbar][aria-label="Upload progress"]';  // not the analysis' score bars
  new MutationObserver(() => {
    document.querySelectorAll(bars).forEach((bar) => note(window.__progressSeen, bar.getAttribute('aria-valuenow')));
    const stage = document.querySelector('[data-testid=upload-progress] [role=status]');
    if (stage) note(window.__stagesSeen, stage.textContent);
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ['aria-valuenow']});
}"""

# A two-second WebM of a moving square, recorded by the browser itself (no video encoder on the
# machine): the content form accepts .mp4, and Chromium sniffs the container, not the name.
RECORD_VIDEO = """async () => {
  const canvas = Object.assign(document.createElement('canvas'), {width: 320, height: 240});
  const draw = canvas.getContext('2d');
  const recorder = new MediaRecorder(canvas.captureStream(25), {mimeType: 'video/webm'});
  const chunks = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start(100);
  for (let i = 0; i < 40; i++) {
    draw.fillStyle = '#2a6'; draw.fillRect(0, 0, 320, 240);
    draw.fillStyle = '#fff'; draw.fillRect(20 + i * 5, 80, 60, 60);
    await new Promise((r) => setTimeout(r, 50));
  }
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text);
}"""


def noisy_photo(path, width: int = 1400, height: int = 1100) -> int:
    """A PNG of random pixels: it does not compress, so it weighs a few MB (about 4.6 MB here)."""
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    path.write_bytes(buffer.getvalue())
    return len(buffer.getvalue())


def at_content_step(engine) -> tuple[str, str]:
    """A collaboration whose visit is marked: the creator's page shows the content form."""
    business = person(engine, UserType.BUSINESS, "Café Aurora Uploads")
    creator = person(engine, UserType.CREATOR, "Inés Vidal")
    collab_id = accepted_collaboration(engine, business, creator)
    with transaction(engine) as db:
        collaborations.propose_visit(db, creator.actor, collab_id, visit_moment())
    with transaction(engine) as db:
        collaborations.confirm_visit(db, business.actor, collab_id)
    with transaction(engine) as db:
        collaborations.mark_visited_by_hand(db, business.actor, collab_id, "Came for brunch.")
    return collab_id, creator.username


def upload_posts(page) -> list[str]:
    """Records every request to the upload endpoint from now on."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if "/_upload" in request.url else None)
    return seen


def decoded(page, selector: str) -> bool:
    return page.evaluate(f"""() => {{
        const img = document.querySelector({selector!r});
        return !!img && img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:');
    }}""")


def test_the_creator_sees_thumbnails_refusals_and_the_progress_of_an_upload(
        page, engine, console, screenshot, tmp_path, viewport):
    collab_id, username = at_content_step(engine)
    log_in(page, username, PASSWORD)
    page.goto(f"/collaborations/{collab_id}")
    step = page.get_by_test_id("next-step")
    expect(step.get_by_role("heading", name="Submit content", exact=True)).to_be_visible()
    console.wait_for_live_socket(page)
    uploads = upload_posts(page)
    file_input = step.locator('input[type="file"]')

    # A photo: its thumbnail, from the chosen file itself, before anything is sent.
    small = tmp_path / "brunch.png"
    photo(small)
    file_input.set_input_files(str(small))
    previews = step.get_by_test_id("upload-previews")
    thumbnail = previews.get_by_role("img", name="brunch.png")
    expect(thumbnail).to_be_visible()
    expect(thumbnail).to_have_attribute("src", re.compile(r"^blob:"))
    page.wait_for_function("""() => { const img = document.querySelector('[data-testid=upload-previews] img');
                                      return img && img.complete && img.naturalWidth > 0; }""")
    assert decoded(page, "[data-testid=upload-previews] img")
    expect(previews).to_contain_text(re.compile(r"\d+([.,]\d)? (KB|MB)"))

    # A video: a frame of it (the player loaded the file's first picture).
    video = base64.b64decode(page.evaluate(RECORD_VIDEO))
    file_input.set_input_files([{"name": "brunch.png", "mimeType": "image/png", "buffer": small.read_bytes()},
                                {"name": "clip.mp4", "mimeType": "video/mp4", "buffer": video}])
    player = previews.locator("video")
    expect(player).to_have_attribute("aria-label", "clip.mp4")
    page.wait_for_function("""() => { const v = document.querySelector('[data-testid=upload-previews] video');
                                      return v && v.readyState >= 2 && v.videoWidth > 0; }""")
    assert page.evaluate("document.querySelector('[data-testid=upload-previews] video').src").startswith("blob:")
    expect(previews.get_by_role("img", name="brunch.png")).to_be_visible()
    screenshot("upload-feedback-thumbnails")

    # The wrong type: refused at once, named, nothing sent; the thumbnails of that choice are gone.
    notes = tmp_path / "notes.txt"
    notes.write_text("my caption ideas")
    file_input.set_input_files(str(notes))
    refusal = step.get_by_role("alert").filter(has_text="notes.txt")
    expect(refusal).to_have_text("notes.txt: Only PNG, JPEG or WebP photos and MP4 videos are accepted.")
    expect(previews).to_have_count(0)

    # Larger than the server takes (a sparse file: 101 MB on the form, nothing on the disk).
    huge = tmp_path / "holiday.mp4"
    with huge.open("wb") as handle:
        handle.truncate(101 * MEGABYTE)
    file_input.set_input_files(str(huge))
    expect(step.get_by_role("alert").filter(has_text="holiday.mp4")).to_have_text(
        "holiday.mp4 is larger than 100 MB.")
    expect(refusal).to_have_count(0)  # the new choice's message replaced the old one

    # A photo over the photos' own limit (20 MB, where a video may have 100): refused in the browser.
    poster = tmp_path / "poster.png"
    with poster.open("wb") as handle:
        handle.truncate(21 * MEGABYTE)
    file_input.set_input_files(str(poster))
    expect(step.get_by_role("alert").filter(has_text="poster.png")).to_have_text("poster.png is larger than 20 MB.")
    expect(previews).to_have_count(0)

    # An image with more pixels than the server decodes (40 million): refused once its thumbnail loads.
    pano = tmp_path / "pano.png"
    Image.new("L", (6400, 6300), 200).save(pano)
    file_input.set_input_files(str(pano))
    expect(step.get_by_role("alert").filter(has_text="pano.png")).to_have_text(
        "pano.png has more than 40 million pixels.")
    expect(previews).to_have_count(0)
    screenshot("upload-feedback-refused")
    assert uploads == [], uploads

    # A good choice clears the refusal.
    big = tmp_path / "terrace.png"
    size = noisy_photo(big)
    assert 3 * MEGABYTE < size < 20 * MEGABYTE
    file_input.set_input_files(str(big))
    expect(step.get_by_role("img", name="terrace.png")).to_be_visible()
    expect(step.get_by_role("alert")).to_have_count(0)

    # A sending that fails: the server refuses the request as too large (413), then the connection
    # drops. Each time a message says so, the files stay chosen and the buttons work again.
    step.get_by_label("Instagram caption").fill("Sunday brunch on the terrace #AuroraBrunch @cafe_aurora_e2e #ad")
    page.route("**/_upload", lambda route: route.fulfill(status=413, body="The upload is too large."))
    step.get_by_role("button", name="Submit content", exact=True).click()
    failed = step.get_by_test_id("upload-failed")
    expect(failed).to_have_text("The files could not be sent: together they are larger than the server takes at "
                                "once. Choose fewer or smaller files and try again.")
    expect(failed).to_have_attribute("role", "alert")
    expect(page.get_by_role("progressbar", name="Upload progress")).to_have_count(0)
    expect(step.get_by_role("img", name="terrace.png")).to_be_visible()
    screenshot("upload-feedback-failed")
    page.unroute("**/_upload")
    page.route("**/_upload", lambda route: route.abort("connectionreset"))
    step.get_by_role("button", name="Check before submitting").click()
    expect(failed).to_contain_text("The files could not be sent (the connection was lost")
    expect(step.get_by_role("button", name="Check before submitting")).to_be_enabled()
    page.unroute("**/_upload")
    assert len(uploads) == 2, uploads

    # Sending it again, slowed to ~1 MB/s: the bar with its percent, then the server's answer.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                   "uploadThroughput": UPLOAD_BYTES_PER_SECOND})
    page.evaluate(RECORD_PROGRESS)
    step.get_by_role("button", name="Submit content", exact=True).click()
    bar = page.get_by_role("progressbar", name="Upload progress")
    expect(bar).to_be_visible()
    expect(failed).to_have_count(0)  # the new try put the old message away
    expect(page.get_by_test_id("upload-percent")).to_have_text(re.compile(r"^\d{1,3}%$"))
    page.wait_for_function("() => window.__progressSeen.some((v) => +v > 0 && +v < 100)", timeout=30_000)
    screenshot("upload-feedback-progress")
    analysis = page.get_by_test_id("analysis")
    expect(analysis).to_contain_text(re.compile(r"\d+ / 100"), timeout=90_000)
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                   "uploadThroughput": -1})
    expect(bar).to_have_count(0)
    expect(page.get_by_test_id("latest-version").get_by_role("img", name="terrace.png")).to_be_visible()
    seen = [int(v) for v in page.evaluate("window.__progressSeen")]
    stages = page.evaluate("window.__stagesSeen")
    print(f"{viewport.name}: aria-valuenow seen while sending {size / MEGABYTE:.1f} MB: {seen}; stages: {stages}")
    # "Sent. Checking the files…" lasts as long as the server's checks (often a few hundred ms):
    # when the page rendered it, it came after the sending.
    assert stages[0] == "Sending your files…" and set(stages) <= {"Sending your files…", "Sent. Checking the files…"}
    assert seen == sorted(seen), seen
    assert any(0 < v < 100 for v in seen), seen
    assert seen[-1] == 100, seen
    assert len(uploads) == 3, uploads
    # Chromium's own lines for the two failures this test made happen; nothing else.
    made_to_fail = ("status of 413", "net::ERR_CONNECTION_RESET")
    problems = [p for p in console.unexpected() if not any(text in p.text for text in made_to_fail)]
    assert problems == [], problems
