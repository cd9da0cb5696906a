import warnings

# Connexion imports starlette.testclient, which warns that Starlette's test client prefers
# httpx2: irrelevant to the service, and it would be the one non-JSON line of its logs.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
