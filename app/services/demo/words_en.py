"""Words and sentence patterns for realistic English demo complaints: the same names as
`words`, so a demo desk speaks the language of whoever tries it."""

from __future__ import annotations

from app.services.demo.words import PHONE_PREFIXES

__all__ = ["PHONE_PREFIXES"]

SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "Wong", "Chan", "Lim", "Tan", "Hughes", "Edwards", "Lewis",
    "Harris", "Martin", "Cooper", "King", "Baker", "Ward", "Turner", "Hill", "Moore", "Young",
)
GIVEN_NAMES = (
    "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack",
    "Grace", "Leo", "Lily", "Oscar", "Emily", "Charlie", "Sophie", "Thomas", "Chloe",
    "James", "Ella", "William", "Ruby", "Daniel", "Hannah", "Samuel", "Lucy", "Adam",
    "Zoe", "Ethan", "Alice", "Ryan", "Sarah", "Michael", "Rachel", "David", "Helen",
)
STREETS = ("High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road",
           "Victoria Street", "King's Road", "Orchard Way", "Queen Street", "Bridge Road")
CITIES = ("Riverside", "Northfield", "Easton", "Westbury", "Hillcrest", "Lakeview",
          "Kingsbridge", "Oakwood")
NAME = "{given} {surname}"
ADDRESS = "{number} {street}, {city}"

PRODUCTS = ("rice cooker", "air conditioner", "fridge", "mobile phone", "washing machine",
            "e-bike", "down jacket", "pair of trainers", "tin of baby formula", "tea gift box",
            "microwave", "laptop", "water filter", "child car seat", "mattress")
DEFECTS = ("will not switch on", "leaks", "makes a loud noise", "has a cracked screen",
           "is coming unglued", "has badly faded", "overheats", "will not charge",
           "is not the size on the label", "came with parts missing")
FEES = ("handling fee", "annual fee", "policy management fee", "early repayment charge",
        "text message fee")
SERVICES = ("instalment plan", "membership card", "insurance renewal", "extended warranty",
            "credit card")
PROMISES = ("a return of at least five per cent", "a full refund at any time", "no fees at all",
            "a year of free servicing")

# (category code, description patterns, wishes)
PATTERNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "product_quality": (
        ("Bought the {product} here {days} days ago; it {defect}. I want it sorted out.",
         "My {product} {defect}. The assistant says I damaged it myself, which I do not "
         "accept.",
         "The {product} I just bought {defect} for the second time and I cannot use it."),
        ("Refund", "A new replacement", "Free repair and money for the time lost",
         "A written test result"),
    ),
    "delivery": (
        ("Order {order} was promised within three days but arrived {days} days late, the box "
         "torn.",
         "The driver did not call first and left the {product} downstairs; it got soaked in "
         "the rain.",
         "The {product} I ordered online shows as delivered, but I never received it."),
        ("Send it again", "Refund the delivery charge", "Pay for the damage",
         "Find out where the parcel went and tell me"),
    ),
    "billing": (
        ("The {product} was marked {price} yuan but I was charged {charged} yuan at the till "
         "with no explanation.",
         "The member price and what I paid differ: I was overcharged {extra} yuan.",
         "The same purchase was taken from my card twice, {charged} yuan in all."),
        ("Refund the overcharge", "Charge the marked price", "A correct invoice",
         "An explanation"),
    ),
    "repair": (
        ("My {product} has been in for repair {times} times and is still not fixed, with no "
         "loan unit meanwhile.",
         "The {product} is under warranty, yet the repair costs {price} yuan in parts.",
         "The after-sales line is always busy; I reported the {product} {days} days ago and "
         "nobody has come."),
        ("A new unit", "Free repair", "A home visit soon", "Refund the repair fee"),
    ),
    "service": (
        ("The assistant was cold and impatient when I asked about the {product} and kept me "
         "waiting {minutes} minutes.",
         "I was passed from one person to another trying to return it: {times} trips and "
         "still not done.",
         "The cashier was rude and blamed me in front of other customers."),
        ("An apology in person", "Better staff training", "A reasonable explanation",
         "A written apology"),
    ),
    "transparency": (
        ("Nobody told me about the {fee} when I signed up for the {service}; I found out when "
         "it was charged.",
         "The {fee} clause was in tiny print and the sales agent never mentioned it."),
        ("Refund the {fee}", "Explain what the charge is for", "Cancel the {service} and refund"),
    ),
    "claims": (
        ("I filed a claim {days} days ago and have heard nothing, though I asked several times.",
         "My claim was refused without a clear reason, though I sent everything asked for."),
        ("A decision on the claim soon", "The reason for refusal in writing",
         "Pay in full as the contract says"),
    ),
    "mis_selling": (
        ("The salesperson promised {promise}; the contract says nothing of the kind.",
         "My elderly father was sold insurance as if it were a savings account."),
        ("Cancel the contract with a full refund", "Hold the salesperson to account",
         "Honour what was promised"),
    ),
    "cancellation": (
        ("I asked to cancel the policy {weeks} weeks ago and keep being put off.",
         "I had to come in person three times to cancel; far too much paperwork."),
        ("Cancel it now", "Explain how the refund is worked out", "Simpler paperwork"),
    ),
    "other": (
        ("Parking charges are unfair: no free parking even after a big purchase.",
         "Boxes piled at the shop door; older customers nearly trip going in and out."),
        ("Better management", "An explanation", "Refund the parking fee"),
    ),
}

MOODS = ("very upset", "calm", "very unhappy", "in a hurry", "polite", "wants it done quickly",
         "")
RESOLUTIONS = {
    "product_quality": "Test confirmed a product fault; the customer was given a {remedy}",
    "delivery": "Found the cause with the courier; the customer was given a {remedy}",
    "billing": "The till record confirmed it; the customer was given a {remedy}",
    "repair": "The technical lead took over the repair and the customer was given a {remedy}",
    "service": "The assistant was spoken to and the manager apologised to the customer in "
               "person",
    "transparency": "Explained the charge in detail to the customer and gave a {remedy}",
    "claims": "The review was speeded up and the claim has been paid",
    "mis_selling": "The sale was found misleading; the contract was cancelled and refunded",
    "cancellation": "Paperwork simplified and the policy cancelled",
    "other": "Put right and explained to the customer",
}
RESOLVED = "Dealt with"
REMEDIES = ("refund", "new replacement", "refund of the difference", "second delivery",
            "shopping voucher", "free repair")
ANSWERS = (
    "Camera footage and the sales record show the item was sold intact; the damage was "
    "caused after sale and is not covered by the warranty",
    "Under clause 8 of the contract this is not a covered claim; the customer was shown the "
    "clause",
    "The charge matches the published price list; no overcharge; the customer was shown the "
    "receipt",
)
FEEDBACKS = ("Told the customer by phone; the customer accepts", "The customer collected the "
             "decision letter in the shop and signed it", "Told the customer by WeChat; the "
             "customer is satisfied", "Called back; the customer agrees with the solution")
FACTS = ("Checked the sales record and the camera footage", "Spoke to the staff on duty",
         "The test report is in", "Confirmed with the supplier")

REOPENED = "The customer says the problem is back"
OFFER_REASON = "Make good the customer's loss"
OFFER_DECISION = "Within the compensation guidelines"
PAUSED = "Waiting for the maker's test report"
SATISFACTION = "Customer satisfaction {score} of 5"
PROGRESS_CALL = "Call the customer with news of progress"
AGAIN = ("The customer called again about progress; same problem as before.",
         "The customer wrote again by WeChat about the same problem and wants it dealt with "
         "soon.",
         "Second complaint about the same problem: the customer says nobody has called.")
USERS = {"owner": "Grace Owen", "manager": "Mark Lee", "staff1": "Amy Zhang",
         "staff2": "Tom Liu"}
BUSINESS = {
    "business.name": "Riverside Home Appliances",
    "business.address": "88 High Street, Riverside",
    "business.phone": "0571-8888 6666",
}
