"""Reads FHIR resources written by vejen-frem with a maintained FHIR model and writes them
back: each must parse, and what comes back must equal what was written.

The model is the Python package fhir.resources (pydantic: unknown elements are refused,
primitives checked against FHIR's patterns). Its R4B module is used: Questionnaire and
QuestionnaireResponse are the same in R4 (4.0.1) and R4B (4.3.0). What the model does not
check, the codes of R4's value sets for these resources, is checked here.

Usage: python3 fhir_check.py FILE...; prints one line per file, "ok" or what is wrong, and
exits 1 if anything is.
"""

import json
import sys

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

# R4's value sets (hl7.org/fhir/R4/valueset-item-type.html and the others).
ITEM_TYPES = {
    "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
    "string", "text", "url", "choice", "open-choice", "attachment", "reference",
    "quantity",
}
OPERATORS = {"exists", "=", "!=", ">", "<", ">=", "<="}
BEHAVIORS = {"all", "any"}
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}


def codes(resource):
    """What is wrong with the resource's codes, as lines."""
    wrong = []
    if resource["resourceType"] == "Questionnaire":
        if resource["status"] not in PUBLICATION_STATUS:
            wrong.append(f"status {resource['status']}")

        def walk(items, ids):
            for item in items:
                if item["linkId"] in ids:
                    wrong.append(f"linkId {item['linkId']} twice")
                ids.add(item["linkId"])
                if item["type"] not in ITEM_TYPES:
                    wrong.append(f"{item['linkId']}: type {item['type']}")
                for when in item.get("enableWhen", []):
                    if when["operator"] not in OPERATORS:
                        wrong.append(f"{item['linkId']}: operator {when['operator']}")
                    if when["question"] not in all_ids:
                        wrong.append(f"{item['linkId']}: enableWhen on {when['question']}")
                if item.get("enableBehavior", "all") not in BEHAVIORS:
                    wrong.append(f"{item['linkId']}: enableBehavior")
                if len(item.get("enableWhen", [])) > 1 and "enableBehavior" not in item:
                    wrong.append(f"{item['linkId']}: several enableWhen need enableBehavior")
                if item["type"] == "display" and item.get("item"):
                    wrong.append(f"{item['linkId']}: a display item holds items")
                walk(item.get("item", []), ids)

        all_ids = set()

        def collect(items):
            for item in items:
                all_ids.add(item["linkId"])
                collect(item.get("item", []))

        collect(resource.get("item", []))
        walk(resource.get("item", []), set())
    else:
        if resource["status"] not in RESPONSE_STATUS:
            wrong.append(f"status {resource['status']}")
    return wrong


def check(path):
    with open(path, encoding="utf-8") as f:
        written = json.load(f)
    model = {"Questionnaire": Questionnaire, "QuestionnaireResponse": QuestionnaireResponse}[
        written["resourceType"]
    ]
    try:
        parsed = model.model_validate(written)
    except Exception as e:  # the model's refusal, as it words it
        return [f"refused by fhir.resources: {e}"]
    back = json.loads(parsed.model_dump_json(exclude_none=True))
    wrong = codes(written)
    if back != written:
        wrong.append("written back differently: " + json.dumps(back, ensure_ascii=False)[:2000])
    return wrong


def main():
    failed = False
    for path in sys.argv[1:]:
        wrong = check(path)
        failed = failed or bool(wrong)
        print(f"{path}: " + ("ok" if not wrong else "; ".join(wrong)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
