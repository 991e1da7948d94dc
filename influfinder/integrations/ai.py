"""Content analysis behind one small interface: OpenAI vision when OPENAI_API_KEY is set, else a
local analyzer that needs no network (DESIGN rule 9).

    result = analyzer().analyze(AnalysisRequest(images=[...], captions={"INSTAGRAM": "..."}, ...))

Both implementations compute hashtags, mentions, the disclosure check and compliance with the
same pure code (influfinder.domain.content_analysis); they differ only in how quality,
relevance and extra suggestions are judged. `analyze` is blocking (image work, HTTP): async
callers use `analyze_async`, which runs it in a worker thread (DESIGN rule 7). Any failure is
an `AnalysisFailed` whose message can be shown to people; the caller marks the analysis
failed and offers a retry. Rate limits (20 analyses per user per hour) belong to the caller.
"""

from __future__ import annotations

import asyncio
from typing import Protocol

from influfinder.domain.content_analysis import AnalysisResult
# Re-exported: callers name them as ai.AnalysisRequest, ai.AnalysisFailed.
from influfinder.integrations.ai_request import AnalysisFailed, AnalysisRequest, load_image  # noqa: F401
from influfinder.settings import Settings, get_settings


class ContentAnalyzer(Protocol):
    def analyze(self, request: AnalysisRequest) -> AnalysisResult:
        """Rate the submission; raises AnalysisFailed."""
        ...


def analyzer(settings: Settings | None = None) -> ContentAnalyzer:
    """OpenAI when OPENAI_API_KEY is set, else the local analyzer."""
    settings = settings or get_settings()
    if settings.ai_backend == "openai":
        from influfinder.integrations.ai_openai import OpenAIAnalyzer

        return OpenAIAnalyzer(settings)
    from influfinder.integrations.ai_local import LocalAnalyzer

    return LocalAnalyzer()


async def analyze_async(request: AnalysisRequest, settings: Settings | None = None) -> AnalysisResult:
    return await asyncio.to_thread(analyzer(settings).analyze, request)
