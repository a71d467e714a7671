package import JWTLint

/// The page at `/` and the JSON endpoints it uses: `/jwtlint/requests?after=N` (the records since the N-th),
/// `POST /jwtlint/judge` (a pasted token, `Authorization` header or curl command, judged as `lint` and `diagnose`
/// would), `/jwtlint/notifications` (the notifications sent, with their attempts) and `POST /jwtlint/notify` (send
/// one, or a scenario's); and `POST /notifications`, where the stand-in receives notifications as a developer's
/// endpoint does. Self-contained: nothing on the page is fetched from anywhere else.
enum WatchPage {
    static func respond(to request: StandInRequest, standIn: StandIn) -> StandInResponse {
        switch (request.method, request.path) {
        case ("GET", "/"):
            var response = StandInResponse.text(200, html, type: "text/html; charset=utf-8")
            response.headers.append(("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"))
            return response
        case ("GET", "/jwtlint/requests"):
            let after = request.values("after").last.flatMap { Int($0) } ?? 0
            let (records, count) = standIn.log.records(after: max(0, after))
            return .json(200, .object(JSONObject(members: [
                .init(name: "count", value: .integer(Int64(count))), .init(name: "records", value: .array(records.map(\.json))),
            ])))
        case ("POST", "/jwtlint/judge"):
            return judge(request, standIn: standIn)
        case ("POST", "/notifications"):
            return standIn.receiveNotification(request, now: standIn.clock())
        case ("GET", "/jwtlint/notifications"):
            return standIn.sentNotificationsJSON()
        case ("POST", "/jwtlint/notify"):
            return standIn.sendFromPage(request, now: standIn.clock())
        default:
            return .text(404, "Not Found\n")
        }
    }

    /// `{"input": "..."}` → the verdict of `lint` (the token's findings under the server API rules) and, for a
    /// failing token, the ranked causes of `diagnose`.
    static func judge(_ request: StandInRequest, standIn: StandIn) -> StandInResponse {
        guard let body = DecodedToken.jsonObject(request.body), let input = body["input"]?.stringValue, input.utf8.count <= 65_536 else {
            return .json(400, .object(JSONObject(members: [.init(name: "error", value: .string("Send {\"input\": \"<token, Authorization header or curl command>\"}."))])))
        }
        let diagnosis = standIn.diagnose(input, now: standIn.clock())
        guard let result = diagnosis.result, let line = diagnosis.request.tokenLine else {
            return .json(200, .object(JSONObject(members: [
                .init(name: "verdict", value: .string("No token found: give a token, an Authorization header or a curl command")),
                .init(name: "findings", value: .array([])), .init(name: "causes", value: .array(diagnosis.causes.map { .string($0.title) })),
            ])))
        }
        return .json(200, .object(JSONObject(members: [
            .init(name: "verdict", value: .string(result.hasErrors ? "Apple would answer 401" : "Apple would accept this token")),
            .init(name: "profile", value: .string(result.profile.rawValue)),
            .init(name: "token", value: .string("sha256 " + TokenFingerprint.of(line))),
            .init(name: "findings", value: .array(result.findings.map(RequestRecord.json))),
            .init(name: "causes", value: .array(diagnosis.causes.map { .string($0.title + ": " + $0.fix) })),
        ])))
    }

    static let html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>jwtlint serve</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
        header{padding:12px 20px;background:#1d1d1f;color:#fff}header h1{font-size:17px;margin:0}
        main{display:grid;grid-template-columns:1fr 1fr;gap:16px;padding:16px 20px}
        section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px}
        h2{font-size:15px;margin:0 0 8px}textarea{width:100%;box-sizing:border-box;height:110px;font:12px ui-monospace,monospace}
        .request{border-top:1px solid #eee;padding:6px 0}.accepted .verdict{color:#107c10}.refused .verdict{color:#c50f1f}
        .finding{margin:2px 0 2px 14px}.error{color:#c50f1f}.warning{color:#9a6700}.info{color:#555}
        code{font:12px ui-monospace,monospace}.fix{color:#444;margin-left:14px}
        </style></head><body>
        <header><h1>jwtlint serve: a local App Store Server API</h1></header>
        <main>
        <section><h2>Requests <span id="count"></span></h2><div id="requests"><p id="none">No request yet.</p></div></section>
        <section><h2>Notifications <span id="ncount"></span></h2>
        <p id="nurl">Sent nowhere: start serve with --notification-url to post them.</p>
        <p><select id="kind" aria-label="notification"></select> <button id="send">Send</button></p>
        <div id="notifications"></div></section>
        <section><h2>Judge a token</h2>
        <p>Paste a token, an <code>Authorization</code> header or a curl command.</p>
        <textarea id="input" aria-label="token"></textarea><p><button id="judge">Judge</button></p><div id="result"></div></section>
        </main>
        <script>
        "use strict";
        let seen = 0;
        function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
        function findings(list, into) {
          for (const f of list) {
            const d = el("div", "finding " + f.severity);
            d.append(el("code", "", f.rule), " " + f.severity + ": " + f.message);
            into.append(d, el("div", "fix", "Fix: " + f.hint));
          }
        }
        async function poll() {
          try {
            const r = await fetch("/jwtlint/requests?after=" + seen);
            const body = await r.json();
            const list = document.getElementById("requests");
            for (const rec of body.records) {
              document.getElementById("none")?.remove();
              const d = el("div", "request " + rec.verdict);
              d.dataset.requestId = rec.requestId;
              d.append(el("span", "verdict", rec.status + " " + rec.verdict), " ", el("code", "", rec.request));
              if (rec.token) d.append(" ", el("code", "", rec.token));
              findings(rec.findings, d);
              list.prepend(d);
            }
            seen = body.count;
            document.getElementById("count").textContent = "(" + seen + ")";
          } catch (e) {}
          setTimeout(poll, 1000);
        }
        document.getElementById("judge").addEventListener("click", async () => {
          const out = document.getElementById("result");
          out.textContent = "";
          const r = await fetch("/jwtlint/judge", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({input: document.getElementById("input").value})});
          const body = await r.json();
          if (body.error) { out.append(el("p", "error", body.error)); return; }
          out.append(el("p", "verdict", body.verdict + (body.profile ? " (" + body.profile + ", " + body.token + ")" : "")));
          findings(body.findings, out);
          if (body.causes.length) { const ol = el("ol"); for (const c of body.causes) ol.append(el("li", "", c)); out.append(el("p", "", "Likely causes:"), ol); }
        });
        let kindsShown = false;
        async function pollNotifications() {
          try {
            const r = await fetch("/jwtlint/notifications");
            const body = await r.json();
            if (body.notificationUrl) document.getElementById("nurl").textContent = "Posted to " + body.notificationUrl + ", in order.";
            if (!kindsShown) {
              const select = document.getElementById("kind");
              for (const k of body.kinds) { const o = el("option", "", k); o.value = JSON.stringify({notification: k}); select.append(o); }
              for (const s of body.scenarios) { const o = el("option", "", "scenario: " + s); o.value = JSON.stringify({scenario: s}); select.append(o); }
              kindsShown = true;
            }
            const list = document.getElementById("notifications");
            list.textContent = "";
            for (const n of body.notifications) {
              const d = el("div", "request");
              d.dataset.notificationUuid = n.notificationUUID;
              d.append(el("code", "", n.notificationType + (n.subtype ? "/" + n.subtype : "")));
              if (n.originalTransactionId) d.append(" ", el("code", "", n.originalTransactionId));
              if (n.attempts.length === 0) d.append(" ", el("span", "info", body.notificationUrl ? "sending" : "not sent"));
              for (const a of n.attempts) {
                d.append(" ", el("span", a.sendAttemptResult === "SUCCESS" ? "verdict" : "error",
                  a.sendAttemptResult + (a.status !== null ? " (" + a.status + ")" : "") + " in " + a.milliseconds + " ms"));
              }
              list.append(d);
            }
            document.getElementById("ncount").textContent = "(" + body.notifications.length + ")";
          } catch (e) {}
          setTimeout(pollNotifications, 1000);
        }
        document.getElementById("send").addEventListener("click", async () => {
          await fetch("/jwtlint/notify", {method: "POST", headers: {"Content-Type": "application/json"}, body: document.getElementById("kind").value});
        });
        poll();
        pollNotifications();
        </script></body></html>
        """
}
