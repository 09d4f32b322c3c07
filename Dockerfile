# studybot: the console group by default; platform adapters read their tokens from the environment.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY content ./content
# The wheel carries content/ and the migrations, so the source can go once installed.
RUN pip install . && rm -rf /src

RUN useradd --create-home --uid 10001 studybot && mkdir /data && chown studybot /data
USER studybot
WORKDIR /data
VOLUME ["/data"]
ENV DATABASE_URL=sqlite:////data/studybot.db

ENTRYPOINT ["studybot"]
