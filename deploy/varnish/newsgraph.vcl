# Varnish (7.x, with xkey from Debian's varnish-modules) in front of NewsGraph: caches GETs of
# GraphQL (trusted documents give them stable URLs) as Cache-Control and Vary say, and drops
# exactly what changed when NewsGraph purges by key (CachePurge:Targets, Kind KeyHeader:
# `PURGE` with an `xkey` header listing the keys).
#
# The backend and who may purge are in backend.vcl, found on vcl_path: copy backend.vcl beside
# this file and edit it, or put your own first on vcl_path.
vcl 4.1;

import xkey;

include "backend.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "Name the keys to purge in an xkey header."));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    if (req.http.Upgrade ~ "(?i)websocket") {
        return (pipe);
    }
    if (req.http.Accept ~ "text/event-stream") {
        return (pass);
    }
    # NewsGraph answers in one of two media types and says Vary: Accept; browsers and clients
    # send many Accept values, so they are reduced to the two, or each would be cached apart.
    if (req.http.Accept ~ "application/graphql-response\+json") {
        set req.http.Accept = "application/graphql-response+json";
    } else {
        set req.http.Accept = "application/json";
    }
    # Falls through to Varnish's built-in rules: only GET and HEAD are looked up, and requests
    # with Authorization or Cookie go to NewsGraph (signed-in answers are private anyway).
}

sub vcl_pipe {
    if (req.http.Upgrade) {
        set bereq.http.Upgrade = req.http.Upgrade;
        set bereq.http.Connection = req.http.Connection;
    }
}

sub vcl_backend_response {
    # xkey indexes objects by the xkey header; NewsGraph names the keys in Surrogate-Key.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Once stale, a copy is revalidated with its ETag (NewsGraph answers 304) instead of fetched
    # again. Purges remove copies outright, so neither grace nor keep serves a purged page.
    set beresp.grace = 10s;
    set beresp.keep = 10m;
    # The built-in rules then honour Cache-Control: s-maxage, else max-age, is the time to live;
    # no-store and private are never stored.
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are for caches, not for browsers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
