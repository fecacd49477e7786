# Where NewsGraph listens, and who may purge (the NewsGraph instances). Included by newsgraph.vcl.
backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

acl purgers {
    "127.0.0.1";
    "::1";
}
