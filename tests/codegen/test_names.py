"""codegen.names: Python names for the spec's names, valid, stable and unique."""

from __future__ import annotations

import keyword

import pytest

from codegen.names import Namer, class_name, identifier, snake


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # This project's spec: the names app/ binds to must not move.
        ("listOrders", "list_orders"),
        ("createOrderNotificationSingular", "create_order_notification_singular"),
        ("buyerId", "buyer_id"),
        ("orderDateFrom", "order_date_from"),
        ("If-Match", "if_match"),
        ("id", "id_"),
        ("orders", "orders"),
        # Names that are not identifiers.
        ("orderDate.gt", "order_date_gt"),
        ("find pet by id", "find_pet_by_id"),
        ("Events subscription", "events_subscription"),
        ("X-Rate-Limit", "x_rate_limit"),
        ("$filter", "filter_"),  # a builtin once the $ is gone
        ("class", "class_"),
        ("import", "import_"),
        ("type", "type_"),
        ("2fa", "n_2fa"),
        ("__private__", "private"),
        ("prénom", "prenom"),
        ("", "unnamed"),
        ("!!!", "unnamed"),
        ("a..b", "a_b"),
    ],
)
def test_identifier(name: str, expected: str) -> None:
    assert identifier(name) == expected
    assert expected.isidentifier() and not keyword.iskeyword(expected)


def test_reserved_names_take_a_trailing_underscore() -> None:
    assert identifier("body", {"body", "caller"}) == "body_"
    assert identifier("caller", {"body", "caller"}) == "caller_"
    assert identifier("bodies", {"body"}) == "bodies"


def test_snake_keeps_digits_and_folds_case() -> None:
    assert snake("get /pets/{petId}") == "get_pets_pet_id"
    assert snake("v2Orders") == "v2_orders"
    assert snake("HTTPServer") == "httpserver"  # as the mapping always gave (no word split)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("orderStatus", "OrderStatus"),
        ("order-create-update", "OrderCreateUpdate"),
        ("pet-store.v1", "PetStoreV1"),
        ("with space", "WithSpace"),
        ("1st", "Model1st"),
        ("Pet", "Pet"),
        ("", "Unnamed"),
    ],
)
def test_class_name(name: str, expected: str) -> None:
    assert class_name(name) == expected


def test_collisions_are_numbered_in_the_order_met() -> None:
    names = Namer(identifier)
    assert [names(n) for n in ("orderDate.gt", "orderDate_gt", "order_date.gt", "id", "id_")] == [
        "order_date_gt",
        "order_date_gt_2",
        "order_date_gt_3",
        "id_",
        "id_2",
    ]


def test_a_numbered_name_skips_one_already_taken() -> None:
    names = Namer(identifier, taken={"a_2"})
    assert [names("a"), names("a"), names("a")] == ["a", "a_3", "a_4"]


def test_class_names_are_numbered_without_separator() -> None:
    names = Namer(class_name, separator="")
    assert [names("pet"), names("Pet"), names("pet")] == ["Pet", "Pet2", "Pet3"]


def test_the_same_names_map_the_same_way_every_time() -> None:
    spec_order = ["find pet by id", "findPetById", "find_pet_by_id", "class", "class_"]
    first, second = Namer(identifier), Namer(identifier)
    assert [first(n) for n in spec_order] == [second(n) for n in spec_order]
