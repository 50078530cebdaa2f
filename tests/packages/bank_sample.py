"""A questions.yaml with every question type and every bank feature, for the package tests."""

SAMPLE = """\
bank:
  name: Sample bank
  description: Every question type.
categories:
- name: Safety
  description: Contraindications and risks.
- name: Bleeding
  parent: Safety
- name: Pregnancy
  parent: Safety
- name: Technique
variant_sets:
- name: Pregnancy variants
  objective: Recognise pregnancy as a contraindication.
scenarios:
- key: case-anna
  title: Anna, 32
  vignette: <p>Anna is 10 weeks pregnant and asks about needling.</p>
questions:
- key: pregnancy-case
  title: Pregnancy case
  type: single_choice
  category: Pregnancy
  scenario: case-anna
  variant_set: Pregnancy variants
  tags:
  - contraindication
  - pregnancy
  stem: <p>What is the <b>best</b> next step?</p>
  points: 2
  must_pass: true
  must_pass_reason: Needling in early pregnancy is contraindicated.
  options:
  - text: Postpone needling and explain why
    credit: 1
    feedback: Right.
  - text: Needle the lower back gently
    feedback: Not in early pregnancy.
  - text: Needle only the neck region today
  feedback: <p>Pregnancy, especially the first trimester.</p>
- key: pregnancy-case-b
  title: Pregnancy case B
  type: single_choice
  category: Pregnancy
  variant_set: Pregnancy variants
  tags:
  - pregnancy
  stem: <p>A patient says she is pregnant. What do you do first?</p>
  options:
  - text: Stop and reassess whether to needle
    credit: 1
  - text: Carry on with the planned session
  - text: Use thicker needles for comfort
- key: bleeding-signs
  title: Bleeding signs
  type: multiple_response
  category: Bleeding
  tags:
  - contraindication
  stem: <p>Which two raise the bleeding risk?</p>
  options:
  - text: Warfarin
    credit: 0.5
  - text: Haemophilia
    credit: 0.5
  - text: Hay fever
    credit: -0.5
- key: soreness-common
  title: Soreness is common
  type: true_false
  category: Safety
  stem: <p>Soreness after needling is common.</p>
  answer: true
  feedback_true: Yes, it usually settles.
  feedback_false: It is the most common side effect.
- key: needle-depth
  title: Needle depth
  type: numeric
  category: Technique
  stem: <p>How many minutes does soreness last at most, per the lesson?</p>
  answers:
  - minimum: 24
    maximum: 48
  - value: 72
    tolerance: 2.5
    credit: 0.5
  unit: hours
- key: pneumothorax-name
  title: Name the complication
  type: short_text
  category: Safety
  stem: <p>Name the lung complication of needling the chest wall.</p>
  answers:
  - text: pneumothorax
  - text: collapsed lung
    ignore_articles: false
    singular_or_plural: false
  - text: pneumo*
    credit: 0.5
    ignore_punctuation: false
  model_answer: Pneumothorax
- key: match-terms
  title: Match the terms
  type: matching
  category: Technique
  stem: <p>Match each term to its meaning.</p>
  pairs:
  - prompt: Twitch
    answer: A brief contraction
  - prompt: Trigger point
    answer: A tender spot in a taut band
  distractors:
  - A skin rash
- key: session-order
  title: Session order
  type: ordering
  category: Technique
  stem: <p>Put the steps in order.</p>
  items:
  - Hand hygiene
  - Consent
  - Insert the needle
  - Dispose of the needle
  partial: true
- key: thorax-hotspot
  title: Where the lung lies close
  type: hotspot
  category: Safety
  stem: <p>Mark the area that needs extra care.</p>
  image: assets/back.png
  image_alt: A diagram of the lower back seen from behind.
  must_pass: true
  must_pass_reason: The lung's lower edge lies close here.
  zones:
  - coords: 120, 80, 30
  - shape: rect
    coords: 10, 10, 40, 20
    credit: 0.5
  - shape: polygon
    coords: 1, 1, 5, 1, 3, 4
"""
