#!/usr/bin/env python3
"""Write the fake Zoom's answers and webhook bodies from Zoom's own examples.

    python3 zoom-adapter/tools/extract-examples.py path/to/zoom-meeting-webhooks.json

REST bodies are assembled from the `example` of every property in our trimmed spec
(src/main/openapi/zoom-meetings.json); webhook bodies are Zoom's JSON examples, unchanged. The output goes to
src/test/resources/zoom-examples/. Run by hand; the build never reads Zoom's files.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.dirname(HERE)
OUT = os.path.join(MODULE, "src", "test", "resources", "zoom-examples")

REST = {
    "create-meeting-201.json": ("/users/{userId}/meetings", "post", "201"),
    "get-meeting-200.json": ("/meetings/{meetingId}", "get", "200"),
    "add-registrant-201.json": ("/meetings/{meetingId}/registrants", "post", "201"),
    "list-registrants-200.json": ("/meetings/{meetingId}/registrants", "get", "200"),
    "user-settings-200.json": ("/users/{userId}/settings", "get", "200"),
}

WEBHOOKS = [
    "meeting.started", "meeting.ended", "meeting.participant_joined", "meeting.participant_left",
    "meeting.participant_joined_waiting_room", "meeting.participant_left_waiting_room",
    "meeting.participant_admitted", "meeting.participant_put_in_waiting_room",
    "meeting.chat_message_sent",  # only to prove the adapter ignores it
]


def example(schema):
    if "example" in schema:
        return schema["example"]
    kind = schema.get("type", "object")
    if kind == "object":
        return {name: example(prop) for name, prop in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(schema.get("items", {}))]
    return None


def write(name, value):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main(webhook_spec):
    with open(os.path.join(MODULE, "src", "main", "openapi", "zoom-meetings.json"), encoding="utf-8") as f:
        spec = json.load(f)
    for name, (route, method, status) in REST.items():
        schema = spec["paths"][route][method]["responses"][status]["content"]["application/json"]["schema"]
        write(name, example(schema))
    with open(webhook_spec, encoding="utf-8") as f:
        hooks = json.load(f)["webhooks"]
    for event in WEBHOOKS:
        content = hooks[event]["post"]["requestBody"]["content"]["application/json"]
        raw = next(iter(content["examples"].values()))["value"]
        with open(os.path.join(OUT, "webhook-" + event.replace("meeting.", "") + ".json"), "w",
                  encoding="utf-8") as f:
            f.write(raw if raw.endswith("\n") else raw + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
