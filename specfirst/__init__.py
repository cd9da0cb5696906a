"""specfirst: the spec-agnostic runtime that serves an OpenAPI 3.0 document through Connexion.

It knows no application: the application hands it a spec, its handlers (through the generated
operations), a verifier per security scheme and, optionally, a readiness check and the errors
that mean "unavailable, retry". See docs/framework.md.
"""
