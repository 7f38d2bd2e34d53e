package org.balintcompanion.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.balintcompanion.admin.Account;
import org.balintcompanion.admin.Admin;
import org.balintcompanion.admin.ApiException;
import org.balintcompanion.admin.Directory;
import org.balintcompanion.admin.Fields;
import org.balintcompanion.admin.Groups;
import org.balintcompanion.admin.Meetings;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields.Field;

/** Maps each admin path and method to one service call. Holds no rules: the services check who may do what. */
final class AdminRoutes {
    record Created(Object body) {}

    private final Admin admin;

    AdminRoutes(Admin admin) { this.admin = admin; }

    Object route(Account a, String method, List<String> p, Fields f, Request request) {
        String root = p.get(0);
        return switch (root) {
            case "accounts" -> accounts(a, method, p, f);
            case "people" -> people(a, method, p, f);
            case "presets" -> presets(a, method, p, f);
            case "groups" -> groups(a, method, p, f);
            case "series" -> series(a, method, p);
            case "meetings" -> meetings(a, method, p, f);
            case "links" -> links(a, method, p);
            case "rooms" -> unrestoredRooms(a, method, p);
            case "audit" -> audit(a, method, p, request);
            case "outbox" -> {
                if (!a.isAdmin()) throw ApiException.forbidden("Only an administrator can read the outbox.");
                if (p.size() == 1 && method.equals("GET")) yield admin.mail().outbox(200);
                if (p.size() == 2 && method.equals("GET")) yield admin.mail().outboxMessage(p.get(1)).orElseThrow(AdminRoutes::notFound);
                throw notFound();
            }
            default -> throw notFound();
        };
    }

    /** Rooms a restart could not bring back, kept aside: listed, and deleted once an administrator has looked. */
    private Object unrestoredRooms(Account a, String method, List<String> p) {
        if (p.size() < 2 || !p.get(1).equals("unrestored")) throw notFound();
        if (!a.isAdmin()) throw ApiException.forbidden("Only an administrator can see rooms kept aside after a restart.");
        if (p.size() == 2 && method.equals("GET")) return admin.unrestored().list();
        if (p.size() == 3 && method.equals("DELETE")) {
            admin.unrestored().delete(p.get(2));   // idempotent: nothing kept is already what was asked
            return null;
        }
        throw notFound();
    }

    private Object accounts(Account a, String method, List<String> p, Fields f) {
        if (p.size() == 1 && method.equals("POST")) {
            if (!a.isAdmin()) throw ApiException.forbidden("Only an administrator can create accounts.");
            Account.Kind kind = f.has("kind") ? f.choice("kind", Account.Kind.class) : Account.Kind.LEADER;
            String personId = f.optionalText("personId", 32);
            if (personId != null) admin.directory().person(personId);
            return new Created(admin.sessions().createAccount(a.email(), f.text("email", 320), f.text("password", 200), kind, personId));
        }
        throw notFound();
    }

    private Object people(Account a, String method, List<String> p, Fields f) {
        var d = admin.directory();
        if (p.size() == 1) {
            if (method.equals("GET")) return d.peopleVisibleTo(a);
            if (method.equals("POST")) return new Created(d.createPerson(a, f));
        }
        if (p.size() == 2) {
            return switch (method) {
                case "GET" -> personView(a, d.person(a, p.get(1)));
                case "PATCH" -> d.updatePerson(a, p.get(1), f);
                case "DELETE" -> { d.deletePerson(a, p.get(1)); yield null; }
                default -> throw notAllowed();
            };
        }
        if (p.size() == 3 && p.get(2).equals("supervisees") && method.equals("POST")) {
            d.addSupervision(a, p.get(1), f.text("personId", 32));
            return new Created(Map.of("supervisor", p.get(1), "supervisee", f.text("personId", 32)));
        }
        if (p.size() == 4 && p.get(2).equals("supervisees") && method.equals("DELETE")) {
            d.removeSupervision(a, p.get(1), p.get(3));
            return null;
        }
        throw notFound();
    }

    /** A leader sees a person of their groups, and supervisory ties only when the person is themself. */
    private Map<String, Object> personView(Account a, Directory.Person person) {
        if (!a.isAdmin() && !person.id().equals(a.personId())) return Map.of("person", person);
        return Map.of("person", person, "supervises", admin.directory().supervisees(a, person.id()));
    }

    private Object presets(Account a, String method, List<String> p, Fields f) {
        var d = admin.directory();
        if (p.size() == 1) {
            if (method.equals("GET")) return d.presets(a);
            if (method.equals("POST")) return new Created(d.savePreset(a, null, f));
        }
        if (p.size() == 2) {
            return switch (method) {
                case "GET" -> d.preset(a, p.get(1));
                case "PATCH" -> d.savePreset(a, p.get(1), f);
                case "DELETE" -> { d.deletePreset(a, p.get(1)); yield null; }
                default -> throw notAllowed();
            };
        }
        throw notFound();
    }

    private Object groups(Account a, String method, List<String> p, Fields f) {
        var g = admin.groups();
        if (p.size() == 1) {
            if (method.equals("GET")) return g.visibleTo(a);
            if (method.equals("POST")) return new Created(g.save(a, null, f));
            throw notAllowed();
        }
        String id = p.get(1);
        if (p.size() == 2) {
            return switch (method) {
                case "GET" -> g.group(a, id);
                case "PATCH" -> g.save(a, id, f);
                case "DELETE" -> { g.delete(a, id); yield null; }
                default -> throw notAllowed();
            };
        }
        switch (p.get(2)) {
            case "roster" -> {
                if (p.size() == 3 && method.equals("GET")) return g.roster(a, id);
                if (p.size() == 4 && method.equals("PUT")) return g.putOnRoster(a, id, p.get(3), f);
                if (p.size() == 4 && method.equals("DELETE")) { g.removeFromRoster(a, id, p.get(3)); return null; }
            }
            case "series" -> {
                Groups.Group group = g.group(a, id);
                if (p.size() == 3 && method.equals("GET")) return admin.meetings().series(id);
                if (p.size() == 3 && method.equals("POST")) {
                    var s = admin.meetings().createSeries(a, group, f);
                    return new Created(Map.of("series", s, "meetings", admin.meetings().ofGroup(id).stream()
                            .filter(m -> s.id().equals(m.seriesId())).map(this::meetingView).toList()));
                }
            }
            case "meetings" -> {
                Groups.Group group = g.group(a, id);
                if (p.size() == 3 && method.equals("GET")) return admin.meetings().ofGroup(id).stream().map(this::meetingView).toList();
                if (p.size() == 3 && method.equals("POST")) {
                    ZoneId zone = f.has("timeZone") ? f.zone("timeZone") : ZoneId.of(group.timeZone());
                    Instant start = ZonedDateTime.of(f.localDateTime("start"), zone).toInstant();
                    int duration = f.has("durationMinutes") ? f.integer("durationMinutes", 15, 480) : 120;
                    return new Created(meetingView(admin.meetings().createSingle(a, group, start, duration)));
                }
            }
            default -> throw notFound();
        }
        throw notAllowed();
    }

    private Object series(Account a, String method, List<String> p) {
        if (p.size() == 2 && method.equals("DELETE")) {
            admin.meetings().deleteSeries(a, p.get(1));
            return null;
        }
        throw notFound();
    }

    private Object meetings(Account a, String method, List<String> p, Fields f) {
        if (p.size() < 2) throw notFound();
        Meetings.Meeting m = admin.meetings().meeting(a, p.get(1));
        if (p.size() == 2) {
            return switch (method) {
                case "GET" -> meetingView(m);
                case "PATCH" -> {
                    Meetings.Meeting after = admin.meetings().update(a, m.id(), f);
                    boolean moved = !after.startsAt().equals(m.startsAt()) || after.durationMinutes() != m.durationMinutes();
                    String zoomProblem = moved ? admin.zoom().moved(a, admin.groups().group(a, m.groupId()), m, after) : null;
                    var view = meetingView(admin.meetings().meeting(a, m.id()));
                    if (zoomProblem != null) view.put("zoomProblem", zoomProblem);
                    yield view;
                }
                case "DELETE" -> {
                    admin.meetings().delete(a, m.id());
                    yield null;
                }
                default -> throw notAllowed();
            };
        }
        Groups.Group group = admin.groups().group(a, m.groupId());
        switch (p.get(2)) {
            case "room" -> {
                if (method.equals("POST")) return new Created(admin.rooms().open(a, group, m, admin.groups().roster(a, group.id())));
                if (method.equals("DELETE")) { admin.rooms().end(a, group, m); return null; }
            }
            case "rsvp" -> {
                if (method.equals("GET")) return admin.rsvps().of(m.id());
            }
            case "mail" -> {
                if (method.equals("GET")) return admin.mail().jobs(m.id());
            }
            case "zoom" -> {
                var roster = admin.groups().roster(a, group.id());
                if (method.equals("POST")) return new Created(admin.zoom().create(a, group, m, roster));
                if (method.equals("GET")) return admin.zoom().check(a, group, m, roster);
                if (method.equals("DELETE")) { admin.zoom().delete(a, m); return null; }
            }
            case "links" -> {
                var roster = admin.groups().roster(a, group.id());
                if (p.size() == 4 && method.equals("DELETE")) { admin.links().withdrawAccess(a, m, roster, p.get(3)); return null; }
                if (p.size() != 3) throw notFound();
                if (method.equals("GET")) return admin.links().list(a, m, roster);
                if (method.equals("POST")) {
                    String person = f.optionalText("personId", 32);
                    return new Created(person == null ? admin.links().issue(a, m, roster, null)
                            : admin.links().issueGivingAccessBack(a, m, roster, person));
                }
            }
            default -> throw notFound();
        }
        throw notAllowed();
    }

    private Object links(Account a, String method, List<String> p) {
        if (p.size() == 2 && method.equals("DELETE")) {
            admin.links().revoke(a, p.get(1));
            return null;
        }
        throw notFound();
    }

    private Object audit(Account a, String method, List<String> p, Request request) {
        if (p.size() != 1 || !method.equals("GET")) throw notFound();
        if (!a.isAdmin()) throw ApiException.forbidden("Only an administrator can read the audit log.");
        int limit = 100;
        Field param = Request.extractQueryParameters(request).get("limit");
        if (param != null) {
            try {
                limit = Math.max(1, Math.min(1000, Integer.parseInt(param.getValue())));
            } catch (NumberFormatException e) {
                throw ApiException.badField("limit", "'limit' must be a whole number from 1 to 1000.");
            }
        }
        return admin.audit().latest(limit);
    }

    private Map<String, Object> meetingView(Meetings.Meeting m) {
        var v = new LinkedHashMap<String, Object>();
        v.put("id", m.id());
        v.put("groupId", m.groupId());
        v.put("seriesId", m.seriesId());
        v.put("startsAt", m.startsAt().toString());
        v.put("timeZone", m.timeZone());
        v.put("localStart", m.localStart());
        v.put("durationMinutes", m.durationMinutes());
        v.put("status", m.status());
        v.put("sequence", m.sequence());
        v.put("zoomMeetingId", m.zoomMeetingId());
        v.put("zoomStatus", m.zoomStatus());
        v.put("roomOpen", admin.rooms().isOpen(m.id()));
        return v;
    }

    private static ApiException notFound() {
        return new ApiException(404, "Not found", "There is no such address in the admin API (see docs/api.md).", null, null);
    }

    private static ApiException notAllowed() {
        return new ApiException(405, "Method not allowed", "This address does not accept this method (see docs/api.md).", null, null);
    }
}
