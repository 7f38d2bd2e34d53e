#!/usr/bin/env python3
"""Rebuild src/main/openapi/zoom-meetings.json from Zoom's published Meetings spec.

Run by hand when Zoom's spec changes (the Maven build never reads Zoom's file, only our copy):

    python3 zoom-adapter/tools/trim-zoom-spec.py path/to/zoom-meeting-api.json \
        > zoom-adapter/src/main/openapi/zoom-meetings.json

What it changes, and why (each one was needed for a client that generates and behaves well):
1. Only the operations the adapter calls are kept.
2. Every `default` is removed: the generator turns defaults into field initialisers, so a PATCH meant to
   change one setting would silently reset others (waiting_room=false, join_before_host=false, ...).
3. Zoom's oauth2 + apiKey security is replaced by a plain bearer scheme (the oauth2 one drags in Apache Oltu).
4. `allOf` made only of inline objects is merged into one object (registrant schemas); names and types stay.
5. `recurrence.weekly_days` loses its single-value enum: Zoom documents it as a comma-separated list.
6. GET /users/{userId}/settings comes from Zoom's separate Users API, which is not part of the Meetings spec.
   USER_SETTINGS below keeps Zoom's path, operationId, names and types for the in-meeting fields the drift
   check reads (chat, private chat, screen sharing); Zoom's response is a oneOf whose first branch is this one.
Paths, parameters, property names, types, formats and descriptions are otherwise Zoom's.
"""
import json
import sys

KEEP = [
    ("/users/{userId}/meetings", "post"),           # meetingCreate
    ("/meetings/{meetingId}", "get"),               # meeting
    ("/meetings/{meetingId}", "patch"),             # meetingUpdate
    ("/meetings/{meetingId}", "delete"),            # meetingDelete
    ("/meetings/{meetingId}/status", "put"),        # meetingStatus
    ("/meetings/{meetingId}/registrants", "post"),  # meetingRegistrantCreate
    ("/meetings/{meetingId}/registrants", "get"),   # meetingRegistrants
]

BEARER = [{"bearerAuth": []}]


def flag(description, example=None):
    node = {"type": "boolean", "description": description}
    if example is not None:
        node["example"] = example
    return node


USER_SETTINGS = {
    "get": {
        "tags": ["Users"],
        "summary": "Get user settings",
        "description": "Retrieve a user's settings. \nFor user-level apps, pass the `me` value instead of the "
                       "`userId` parameter.\n\n(Trimmed copy from Zoom's Users API: only the `in_meeting` "
                       "fields the companion reads.)\n\n**Scopes:** `user:read:admin`\n\n**Granular Scopes:** "
                       "`user:read:settings`,`user:read:settings:admin`\n\n**Rate Limit Label:** `MEDIUM`",
        "operationId": "userSettings",
        "parameters": [
            {"name": "userId", "in": "path", "required": True,
             "description": "The user ID or email address of the user. For user-level apps, pass the `me` value.",
             "schema": {"type": "string"}},
            {"name": "option", "in": "query", "required": False,
             "description": "Optional query parameters. \n* `meeting_authentication` \n* `recording_authentication` "
                            "\n* `meeting_security`",
             "schema": {"type": "string", "example": "meeting_security",
                        "enum": ["meeting_authentication", "recording_authentication", "meeting_security"]}},
            {"name": "custom_query_fields", "in": "query", "required": False,
             "description": "Provide the name of the field to filter the response. To provide multiple values, "
                            "separate them with commas, like `host_video,participant_video`.",
             "schema": {"type": "string", "example": "host_video"}},
        ],
        "responses": {
            "200": {
                "description": "**HTTP Status Code:** `200`  \n \nUser settings returned.",
                "content": {"application/json": {"schema": {
                    "title": "User settings",
                    "type": "object",
                    "properties": {
                        "in_meeting": {
                            "title": "User settings: Meeting settings",
                            "type": "object",
                            "properties": {
                                "allow_participants_chat_with": {
                                    "type": "integer",
                                    "description": "Specify who participants can chat with:\n* `1` - The participant "
                                                   "cannot use chat.\n* `2` - The participant can chat with the host "
                                                   "and co-hosts only.\n * `3` - The participant can chat with other "
                                                   "participants publicly.\n* `4` - The participant can chat with "
                                                   "other participants publicly and privately.",
                                    "example": 1, "enum": [1, 2, 3, 4]},
                                "allow_users_save_chats": {
                                    "type": "integer",
                                    "description": "This setting specifies how participants can save meeting chats:\n"
                                                   "* `1` - Participants cannot save meeting chats.\n* `2` - "
                                                   "Participants can only save host and co-host meeting chats.\n* `3` "
                                                   "- Participants can save all meeting chats.",
                                    "example": 1, "enum": [1, 2, 3]},
                                "annotation": flag("This setting allows participants to use annotation tools.", True),
                                "attention_mode_focus_mode": flag("Whether the **Focus Mode** feature is enabled.", True),
                                "auto_saving_chat": flag("This setting auto saves all in-meeting chats.", True),
                                "chat": flag("This setting enables chat during meeting for all participants.", True),
                                "file_transfer": flag("Whether the in-meeting file transfer setting has been enabled "
                                                      "for the user or not.", True),
                                "private_chat": flag("This setting enables 1:1 private chat between participants "
                                                     "during meetings.", True),
                                "screen_sharing": flag("This setting allows host and participants to share their "
                                                       "screen or content during meetings\n", True),
                                "waiting_room": flag("This setting enables the waiting room. If enabled, attendees "
                                                     "can only join after host approves.", True),
                                "who_can_share_screen": {
                                    "type": "string",
                                    "description": "This setting indicates who can share their screen or content "
                                                   "during meetings. The value can be one of the following:   \n \n"
                                                   "`host`: Only host can share the screen.  \n \n`all`: Both hosts "
                                                   "and attendees can share their screen during meetings.",
                                    "example": "all", "enum": ["host", "all"]},
                                "who_can_share_screen_when_someone_is_sharing": {
                                    "type": "string",
                                    "description": "This setting indicates who is allowed to start sharing screen "
                                                   "when someone else in the meeting is sharing their screen.",
                                    "example": "host", "enum": ["host", "all"]},
                            },
                        },
                    },
                }}},
            },
            "400": {"description": "**HTTP Status Code:** `400` <br>\n Bad Request \n\n **Error Code:** `1120` <br>\n "
                                   "Invalid user or user does not belong to this account."},
            "404": {"description": "**HTTP Status Code:** `404` <br>\n Not Found \n\n **Error Code:** `1001` <br>\n "
                                   "User does not exist: {userId}."},
            "429": {"description": "**HTTP Status Code:** `429` <br>\n Too Many Requests."},
        },
        "security": BEARER,
    }
}


def strip_defaults(node):
    if isinstance(node, dict):
        node.pop("default", None)
        for value in node.values():
            strip_defaults(value)
    elif isinstance(node, list):
        for value in node:
            strip_defaults(value)


def merge_all_of(node):
    """Merge an allOf of inline objects into one object (depth first)."""
    if isinstance(node, list):
        return [merge_all_of(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: merge_all_of(v) for k, v in node.items()}
    parts = node.pop("allOf", None)
    if parts is None:
        return node
    merged = {"type": "object", "properties": {}}
    required = []
    for part in parts:
        if part.get("type", "object") != "object" or "$ref" in part:
            raise SystemExit("cannot merge allOf part: %s" % json.dumps(part)[:200])
        merged["properties"].update(part.get("properties", {}))
        required += [r for r in part.get("required", []) if r not in required]
        for key in ("title", "description"):
            if key in part and key not in merged:
                merged[key] = part[key]
    for key, value in node.items():
        if key not in ("type", "properties"):
            merged[key] = value
    if required:
        merged["required"] = required
    return merged


def fix_weekly_days(node):
    if isinstance(node, dict):
        if "weekly_days" in node.get("properties", {}):
            node["properties"]["weekly_days"].pop("enum", None)
        for value in node.values():
            fix_weekly_days(value)
    elif isinstance(node, list):
        for value in node:
            fix_weekly_days(value)


def assert_plain(node, where=""):
    if isinstance(node, dict):
        for key in ("allOf", "oneOf", "anyOf", "$ref", "default"):
            if key in node:
                raise SystemExit("left %s at %s" % (key, where))
        for key, value in node.items():
            assert_plain(value, where + "/" + key)
    elif isinstance(node, list):
        for value in node:
            assert_plain(value, where)


def main(path):
    with open(path, encoding="utf-8") as f:
        zoom = json.load(f)
    paths = {}
    for route, method in KEEP:
        operation = json.loads(json.dumps(zoom["paths"][route][method]))
        operation["security"] = BEARER
        paths.setdefault(route, {})[method] = operation
    paths["/users/{userId}/settings"] = USER_SETTINGS
    strip_defaults(paths)
    paths = merge_all_of(paths)
    fix_weekly_days(paths)
    assert_plain(paths)
    spec = {
        "openapi": zoom["openapi"],
        "info": zoom["info"],
        "servers": zoom["servers"],
        "paths": paths,
        "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
    }
    json.dump(spec, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
