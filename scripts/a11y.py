#!/usr/bin/env python3
"""Accessibility gate for Kompetansebro (run through scripts/a11y.sh, which starts the server).

Usage: a11y.py BASE_URL

- axe-core (bundled by axe-selenium-python) checks every page in headless Chromium for WCAG 2.0/2.1
  A and AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa); each violation is printed with its rule, impact,
  page, selectors and HTML.
- Reflow (WCAG 1.4.10, which axe does not test): at 320 CSS px no content outside data tables may stick
  out sideways.
- Keyboard only: on /tiltak/finn, TAB from the top reaches the skip link first, then the need textarea
  and the submit button, and every focused element shows a visible focus indicator; the skip link moves
  focus to <main>; the need form, the catalogue search, a catalogue filter, the question form and the
  feedback form under an answer can be filled in and sent with the keyboard alone, and what was typed
  comes back unchanged in the field.
- Signed in (KB_A11Y_EMAIL / KB_A11Y_PASSWORD, an administrator and editor that a11y.sh makes with the CLI):
  TAB to the sign-in fields, type, send with ENTER and land on /konto, where every TAB stop shows a visible
  focus indicator; then create an organisation, a group and an invitation link through the forms, and check
  /konto, /admin, /admin/revisjon, /organisasjoner, the organisation (also just after the link was made, with
  the link shown), /tilbakemeldinger, and /invitasjon/SECRET in a fresh signed-out browser, where the
  invitation is then accepted with a new account. Each must load as itself, not as the sign-in form.
- Without JavaScript: searching the catalogue and the need form still give results; signing in still works.
- A screenshot of every page goes to ./screenshots/NAME.png (and NAME-320.png at 320 px); the folder
  is git-ignored.
Exits 1 on any violation or failed check.

Environment: KB_A11Y_DOCUMENT (a document id to open; default: the first one on /dokumenter),
KB_A11Y_QUESTION (a question those documents answer), KB_A11Y_EMAIL and KB_A11Y_PASSWORD (an
administrator's sign-in; without them the signed-in checks are skipped), KB_A11Y_SCREENSHOTS (screenshot
folder), CHROMIUM / CHROMEDRIVER (binaries).
"""
import os
import re
import shutil
import sys
import time
import urllib.parse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MIN_AXE = (4, 8)  # axe-selenium-python < 3 bundles axe-core 3.1.1 (2018), without most WCAG 2.1 rules
WIDTH, MIN_HEIGHT, MAX_HEIGHT = 1280, 800, 8000
NARROW = 320  # WCAG 1.4.10: 320 CSS px wide without scrolling sideways


def find_binary(env, *names):
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    sys.exit(f"a11y: fant ikke {' eller '.join(names)}")


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = find_binary("CHROMIUM", "chromium", "chromium-browser")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={WIDTH},{MIN_HEIGHT}", "--lang=nb-NO", "--hide-scrollbars",
                "--disable-extensions", "--no-first-run", "--disable-background-networking"):
        options.add_argument(arg)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=find_binary("CHROMEDRIVER", "chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def safe_name(name):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "side"


def screenshot(driver, folder, name, width=WIDTH):
    """A full-page-ish PNG: the viewport is grown to the document's height (capped) for the shot."""
    path = os.path.join(folder, safe_name(name) + ".png")
    metrics = {"width": width, "height": MIN_HEIGHT, "deviceScaleFactor": 1, "mobile": False}
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        height = driver.execute_script(
            "return Math.max(document.body ? document.body.scrollHeight : 0, document.documentElement.scrollHeight)")
        metrics["height"] = max(MIN_HEIGHT, min(MAX_HEIGHT, int(height or MIN_HEIGHT)))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        driver.save_screenshot(path)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return path


class Report:
    def __init__(self):
        self.violations = []  # (page, axe violation)
        self.failures = []    # (check, message)
        self.pages = 0
        self.checks = 0

    def check(self, ok, kind, message):
        self.checks += 1
        if not ok:
            self.failures.append((kind, message))
            print(f"  FEIL [{kind}] {message}")
        return ok


def run_axe(driver):
    Axe(driver).inject()
    # Axe.run() formats its options with Python's repr and never settles when axe.run() rejects (a script
    # time-out): call axe-core directly with JSON options and surface its error instead.
    outcome = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done({ok: r}), e => done({error: String(e && e.stack || e)}));",
        {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations", "incomplete"]})
    if "error" in outcome:
        raise RuntimeError(f"axe-core feilet: {outcome['error']}")
    return outcome["ok"]


REFLOW_JS = """
const vw = document.documentElement.clientWidth;
const sticks = el => { const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && (r.right > vw + 1 || r.left < -1) && getComputedStyle(el).position !== 'fixed'; };
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest('table, pre') || !sticks(el)) continue;
  const s = getComputedStyle(el);
  if (s.position === 'absolute' && el.getBoundingClientRect().right <= 0) continue; // moved off screen (skip link)
  if (el.parentElement && el.parentElement !== document.body && sticks(el.parentElement)
      && !el.parentElement.closest('table, pre')) continue;  // report the outermost element only
  const r = el.getBoundingClientRect();
  out.push({el: el, html: el.outerHTML.slice(0, 200), right: Math.round(r.right), width: Math.round(r.width),
            sel: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')});
}
// Text that does not wrap (a long word, a URL) overflows its box without moving the box: find the innermost
// such element while the page as a whole scrolls sideways.
if (document.documentElement.scrollWidth > vw + 1) {
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('table, pre') || el.children.length > 0 && Array.from(el.children).some(c => c.scrollWidth > c.clientWidth + 1)) continue;
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (s.display === 'inline' || s.overflowX !== 'visible' || r.width === 0) continue;
    if (Array.from(el.querySelectorAll('table, pre')).some(t => t.getBoundingClientRect().right > vw + 1)) continue;
    if (el.scrollWidth > el.clientWidth + 1 && r.left + el.scrollWidth > vw + 1
        && !out.some(o => o.el === el || o.el.contains(el) || el.contains(o.el)))
      out.push({el: el, html: el.outerHTML.slice(0, 200), right: Math.round(r.left + el.scrollWidth), width: el.scrollWidth,
                sel: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' (tekst)'});
  }
}
return {vw: vw, scrollWidth: document.documentElement.scrollWidth,
        out: out.map(o => ({html: o.html, right: o.right, width: o.width, sel: o.sel}))};
"""


def check_reflow(driver, path, name, report, shots):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": NARROW, "height": 640, "deviceScaleFactor": 1, "mobile": False})
    try:
        result = driver.execute_script(REFLOW_JS)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    screenshot(driver, shots, name + f"-{NARROW}", width=NARROW)
    offenders = result["out"]
    details = "".join(f"\n      {o['sel']} (høyre kant {o['right']}px): {' '.join(o['html'].split())}"
                      for o in offenders[:8])
    report.check(not offenders, "reflow",
                 f"{path}: ved {NARROW}px stikker {len(offenders)} element(er) ut sideveis "
                 f"(sidebredde {result['scrollWidth']}px): {details}")


def check_page(driver, base, path, name, report, shots, load=True):
    """axe-core and reflow on one page (loaded here unless load is False: then the page the driver is on)."""
    if load:
        driver.get(base + path)
    result = run_axe(driver)
    shot = screenshot(driver, shots, name)
    report.pages += 1
    violations = result.get("violations", [])
    review = ", ".join(f"{v['id']} ({len(v.get('nodes', []))})" for v in result.get("incomplete", []))
    print(f"{'OK ' if not violations else 'BRUDD'} {path}  ({driver.title!r}, {len(violations)} regelbrudd, "
          f"skjermbilde {os.path.relpath(shot, ROOT)})" + (f"\n      axe kunne ikke avgjøre (vurder selv): {review}" if review else ""))
    for v in violations:
        report.violations.append((path, v))
        print(f"  - {v['id']} [{v.get('impact')}] {v['help']} ({v.get('helpUrl', '')})")
        for node in v.get("nodes", []):
            print(f"      mål: {' '.join(str(t) for t in node.get('target', []))}")
            print(f"      html: {' '.join(node.get('html', '').split())[:300]}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", " | ")
            if summary:
                print(f"      hvorfor: {summary[:400]}")
    check_reflow(driver, path, name, report, shots)


def first_link(driver, base, path, prefix):
    driver.get(base + path)
    for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        parts = urllib.parse.urlsplit(a.get_attribute("href") or "")
        if parts.path.startswith(prefix):
            return parts.path + (("?" + parts.query) if parts.query else "")
    return None


FOCUS_JS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const cs = getComputedStyle(el);
const r = el.getBoundingClientRect();
return {
  tag: el.tagName.toLowerCase(), id: el.id || '', cls: typeof el.className === 'string' ? el.className : '',
  name: el.getAttribute('name') || '', type: el.type || '', href: el.getAttribute('href') || '',
  value: el.value === undefined ? null : el.value,
  text: ((el.labels && el.labels[0] && el.labels[0].innerText) || el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
  form: el.form ? (el.form.getAttribute('action') || '') : '',
  outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, boxShadow: cs.boxShadow,
  onscreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < window.innerWidth,
  html: el.outerHTML.slice(0, 200)
};
"""


def describe(info):
    if not info:
        return "ingenting"
    s = info["tag"] + ("#" + info["id"] if info["id"] else "") + "".join("." + c for c in info["cls"].split())
    if info["name"]:
        s += f"[name={info['name']}]"
    if info["href"]:
        s += f"[href={info['href']}]"
    if info["text"]:
        s += f" «{info['text']}»"
    return s


def has_visible_focus(info):
    outline = info["outlineStyle"] not in ("none", "") and info["outlineWidth"] not in ("0px", "")
    return outline or info["boxShadow"] not in ("none", "")


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()
    return driver.execute_script(FOCUS_JS)


def check_focus(info, path, report):
    report.check(has_visible_focus(info), "synlig-fokus",
                 f"{path}: {describe(info)} har ingen synlig fokusmarkering (outline-style {info['outlineStyle']}, "
                 f"box-shadow {info['boxShadow']}): {info['html']}")
    report.check(info["onscreen"], "synlig-fokus", f"{path}: {describe(info)} får fokus utenfor skjermen: {info['html']}")


def tab_to(driver, path, report, matches, what, limit=200):
    """Presses TAB (from wherever focus is) until matches(info); checks the focus of every stop on the way."""
    for _ in range(limit):
        info = press(driver, Keys.TAB)
        if info is None:
            break
        check_focus(info, path, report)
        if matches(info):
            return info
    report.check(False, "tastatur", f"{path}: {what} nås ikke med TAB")
    return None


def fresh(driver, url):
    driver.get(url)
    driver.execute_script("if (document.activeElement) document.activeElement.blur(); document.body.focus();")


def wait_for_url(driver, fragment, seconds=10):
    """Waits until the browser has navigated to a URL containing fragment and that page has loaded."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if fragment in driver.current_url and driver.execute_script("return document.readyState") == "complete":
                return True
        except WebDriverException:
            pass  # between two documents
        time.sleep(0.05)
    return False


def type_and_send(driver, path, report, field_id, text, param, button_form, shots, shot_name):
    """TAB to the field, type, TAB to the form's submit button, ENTER; the field must come back unchanged."""
    field = tab_to(driver, path, report, lambda i: i["id"] == field_id, f"feltet #{field_id}")
    if not field:
        return False
    ActionChains(driver).send_keys(text).perform()
    button = tab_to(driver, path, report, lambda i: i["tag"] == "button" and i["type"] == "submit"
                    and i["form"] == button_form, f"send-knappen i skjemaet til {button_form}")
    if not button:
        return False
    press(driver, Keys.ENTER)
    if not report.check(wait_for_url(driver, param + "="), "tastatur",
                        f"{path}: skjemaet ble ikke sendt med ENTER på knappen (url {driver.current_url})"):
        return False
    screenshot(driver, shots, shot_name)
    echoed = driver.find_element(By.ID, field_id).get_attribute("value")
    report.check(echoed == text, "skjema",
                 f"{path}: det som ble skrevet kommer ikke uendret tilbake i #{field_id} etter sending: "
                 f"skrev {text!r}, fikk {echoed!r} (url {driver.current_url})")
    return True


def tab_walk(driver, path, report, shots, shot_name, max_tabs):
    """TAB from the top of the page the driver is on until focus leaves or wraps; prints and checks every stop."""
    stops = []
    for i in range(max_tabs):
        info = press(driver, Keys.TAB)
        if info is None or (stops and info["html"] == stops[0]["html"]):
            break  # focus left the page or wrapped around: the walk is complete
        if i == 0 and "skip" in info["cls"].split():
            screenshot(driver, shots, shot_name)
        stops.append(info)
        ok = has_visible_focus(info)
        print(f"  {i + 1:2d}. {describe(info)}  outline={info['outlineStyle']} {info['outlineWidth']}"
              f"{' box-shadow' if info['boxShadow'] not in ('none', '') else ''}{'' if ok else '  <- USYNLIG FOKUS'}")
        check_focus(info, path, report)
    return stops


def check_keyboard(driver, base, report, shots, max_tabs=60):
    path = "/tiltak/finn"
    print(f"Tastatur: {path} (TAB fra toppen, maks {max_tabs})")
    fresh(driver, base + path)
    stops = tab_walk(driver, path, report, shots, "tastatur-hopplenke", max_tabs)
    first = stops[0] if stops else None
    report.check(bool(first) and "skip" in first["cls"].split(), "hopplenke",
                 f"{path}: første fokuserbare element er {describe(first)}, ikke hopplenken")
    report.check(any(s["tag"] == "textarea" and s["id"] == "behov" for s in stops), "tastatur",
                 f"{path}: behovsfeltet (textarea#behov) nås ikke innen {max_tabs} TAB")
    report.check(any(s["tag"] == "button" and s["type"] == "submit" and s["form"] == "/tiltak/finn" for s in stops),
                 "tastatur", f"{path}: send-knappen i behovsskjemaet nås ikke innen {max_tabs} TAB")

    # The skip link moves focus to <main id="innhold">.
    fresh(driver, base + path)
    press(driver, Keys.TAB)
    after = press(driver, Keys.ENTER)
    report.check(bool(after) and after["id"] == "innhold", "hopplenke",
                 f"{path}: hopplenken flytter ikke fokus til hovedinnholdet (fokus på {describe(after)})")

    print("Tastatur: behovsskjemaet, katalogsøk med filter og spørsmålsskjemaet sendt med tastaturet alene")
    # Need form: type a need, send it with ENTER on the button, get results.
    fresh(driver, base + path)
    if type_and_send(driver, path, report, "behov", "ledelse i offentlig sektor", "behov", "/tiltak/finn",
                     shots, "tastatur-finn-resultat"):
        hits = driver.find_elements(By.CSS_SELECTOR, "ol.measures li")
        report.check(bool(hits), "tastatur", f"{path}: ingen treff etter sending med tastaturet")

    # Catalogue: search for two words, then tick the first filter with SPACE and apply it.
    fresh(driver, base + "/tiltak")
    if type_and_send(driver, "/tiltak", report, "q", "digital ledelse", "q", "/tiltak", shots, "tastatur-tiltak-sok"):
        hits = driver.find_elements(By.CSS_SELECTOR, "ol.measures li")
        report.check(bool(hits), "tastatur", f"/tiltak: søket «digital ledelse» sendt med tastaturet gir ingen treff "
                     f"(url {driver.current_url})")
    # Filters: tick the first one with SPACE and apply it with ENTER on «Bruk filtre».
    fresh(driver, base + "/tiltak")
    box = tab_to(driver, "/tiltak", report, lambda i: i["tag"] == "input" and i["type"] == "checkbox",
                 "første filter (avkrysningsboks)")
    if box:
        press(driver, Keys.SPACE)
        checked = driver.execute_script("return document.activeElement.checked")
        report.check(bool(checked), "tastatur", f"/tiltak: SPACE krysser ikke av {describe(box)}")
        apply = tab_to(driver, "/tiltak", report, lambda i: i["tag"] == "button" and i["type"] == "submit"
                       and i["form"] == "/tiltak", "«Bruk filtre»-knappen")
        if apply:
            press(driver, Keys.ENTER)
            ok = wait_for_url(driver, f"{box['name']}=")
            still = driver.find_elements(By.CSS_SELECTOR, f"input#{box['id']}:checked") if box["id"] else []
            report.check(ok and bool(still), "tastatur",
                         f"/tiltak: filteret {describe(box)} ble ikke brukt med tastaturet (url {driver.current_url})")

    # Questions: ask by keyboard, get an answer section.
    fresh(driver, base + "/sporsmal")
    question = os.environ.get("KB_A11Y_QUESTION", "Hvor ofte bør opplæringen i personvern gjentas?")
    if type_and_send(driver, "/sporsmal", report, "sporsmal", question, "sporsmal", "/sporsmal", shots,
                     "tastatur-sporsmal-svar"):
        if report.check(bool(driver.find_elements(By.ID, "svar")), "tastatur",
                        "/sporsmal: spørsmål sendt med tastaturet gir ikke noe svar (#svar)"):
            check_feedback(driver, base, report, shots)


def check_feedback(driver, base, report, shots):
    """The «Var dette nyttig?» form under an answer: choose with the keyboard, comment, send (POST, redirect)."""
    path = "/sporsmal (tilbakemelding)"
    driver.execute_script("document.getElementById('sporsmal').focus();")
    radio = tab_to(driver, path, report, lambda i: i["tag"] == "input" and i["type"] == "radio", "første svaralternativ")
    if not radio:
        return
    after = press(driver, Keys.ARROW_DOWN)  # arrow keys move within a radio group and select
    report.check(bool(after) and after["type"] == "radio" and driver.execute_script("return document.activeElement.checked"),
                 "tastatur", f"{path}: piltast velger ikke neste svaralternativ (fokus på {describe(after)})")
    comment = tab_to(driver, path, report, lambda i: i["tag"] == "textarea" and i["name"] == "comment", "kommentarfeltet")
    if comment:
        ActionChains(driver).send_keys("Testet med tastaturet").perform()
    button = tab_to(driver, path, report, lambda i: i["tag"] == "button" and i["form"] == "/tilbakemelding",
                    "«Send tilbakemelding»-knappen")
    if not button:
        return
    press(driver, Keys.ENTER)
    if report.check(wait_for_url(driver, "takk=1"), "tastatur",
                    f"{path}: tilbakemeldingen ble ikke sendt med tastaturet (url {driver.current_url})"):
        notice = driver.find_elements(By.CSS_SELECTOR, "[role=status]")
        report.check(bool(notice), "tastatur", f"{path}: ingen takk-melding (role=status) etter sending")
        local = urllib.parse.urlsplit(driver.current_url)
        check_page(driver, base, local.path + "?" + local.query, "sporsmal-takk", report, shots, load=False)


def page_path(driver):
    parts = urllib.parse.urlsplit(driver.current_url)
    return parts.path + (("?" + parts.query) if parts.query else "")


def click_and_wait(driver, element, seconds=10):
    """Clicks a submit button and waits until the next document has replaced this one and loaded."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        # Chromium sometimes reports a replaced document's node as "does not belong to the document" (an
        # unknown error) rather than as a stale element: either way the old document is gone.
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, seconds).until(replaced)
    WebDriverWait(driver, seconds).until(lambda d: d.execute_script("return document.readyState") == "complete")


def form_error(driver):
    alerts = driver.find_elements(By.CSS_SELECTOR, "main [role=alert]")
    return " ".join(alerts[0].text.split()) if alerts else ""


def check_sign_in_keyboard(driver, base, report, shots, email, password, max_tabs=60):
    """TAB to the sign-in fields, type, send with ENTER in the password field, land on /konto; then TAB
    through /konto from the top: every stop (the sign-out button in the header too) shows a visible focus."""
    path = "/logg-inn"
    print(f"Tastatur: logg inn på {path} med tastaturet alene, deretter /konto (TAB fra toppen, maks {max_tabs})")
    # The header's sign-in link must lead to the form (an empty href only reloads the page it is on).
    fresh(driver, base + "/?lang=nb")  # the pages above leave the language cookie at English
    links = driver.find_elements(By.CSS_SELECTOR, "header .account a")
    href = links[0].get_attribute("href") if links else ""
    report.check(urllib.parse.urlsplit(href or "").path == path, "lenke",
                 f"/: lenken «Logg inn» i toppfeltet går ikke til {path}: "
                 f"{links[0].get_attribute('outerHTML') if links else 'ingen lenke i header .account'}")
    fresh(driver, base + path)
    if not tab_to(driver, path, report, lambda i: i["id"] == "email", "e-postfeltet (#email)"):
        return False
    ActionChains(driver).send_keys(email).perform()
    if not tab_to(driver, path, report, lambda i: i["id"] == "password", "passordfeltet (#password)", limit=5):
        return False
    ActionChains(driver).send_keys(password).perform()
    press(driver, Keys.ENTER)
    if not report.check(wait_for_url(driver, "/konto"), "tastatur",
                        f"{path}: innloggingen med ENTER i passordfeltet havnet ikke på /konto "
                        f"(url {driver.current_url}; melding: {form_error(driver) or 'ingen'})"):
        return False
    screenshot(driver, shots, "tastatur-innlogget-konto")
    print(f"  OK  logget inn med tastaturet som {email}: {page_path(driver)}")
    driver.execute_script("if (document.activeElement) document.activeElement.blur(); document.body.focus();")
    stops = tab_walk(driver, "/konto", report, shots, "tastatur-konto-hopplenke", max_tabs)
    first = stops[0] if stops else None
    report.check(bool(first) and "skip" in first["cls"].split(), "hopplenke",
                 f"/konto: første fokuserbare element er {describe(first)}, ikke hopplenken")
    if not any(s["tag"] == "button" and s["form"] == "/logg-ut" for s in stops):
        header = driver.find_elements(By.CSS_SELECTOR, "header .account")
        shown = " ".join(header[0].get_attribute("outerHTML").split()) if header else "ingen header .account"
        report.check(False, "tastatur", f"/konto: «Logg ut»-knappen nås ikke innen {max_tabs} TAB (toppfeltet: {shown})")
    report.check(any(s["id"] == "label" for s in stops) and any(s["id"] == "new_password" for s in stops),
                 "tastatur", f"/konto: feltene for ny API-nøkkel og nytt passord nås ikke innen {max_tabs} TAB")
    return True


def create_organisation(driver, base, report, shots):
    """Through the forms: an organisation on /admin, a group and an invitation link on its page. Checks the page
    that shows the new link (a POST response, so it is checked where it is). Returns (organisation path,
    invitation path) or Nones."""
    path = "/admin"
    driver.get(base + path)
    name = "Testkommunen med et ganske langt navn for smale skjermer"
    driver.find_element(By.ID, "org-name").send_keys(name)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/admin/organisasjoner'] button[type=submit]"))
    organisation = urllib.parse.urlsplit(driver.current_url).path
    if not report.check(re.fullmatch(r"/organisasjoner/[^/]+", organisation) is not None, "oppsett",
                        f"{path}: «Ny organisasjon» førte ikke til /organisasjoner/… (url {driver.current_url}; "
                        f"melding: {form_error(driver) or 'ingen'})"):
        return None, None
    group = "Ledergruppen"
    driver.find_element(By.ID, "group-name").send_keys(group)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/grupper'] button[type=submit]"))
    groups = [li.text.strip() for li in driver.find_elements(By.CSS_SELECTOR, "main ul li")]
    report.check(group in groups, "oppsett", f"{organisation}: gruppen «{group}» ble ikke opprettet "
                 f"(url {driver.current_url}; melding: {form_error(driver) or 'ingen'})")
    # The new member becomes the organisation's admin in the group: only an organisation's own admins run its
    # assessments (the system administrator who made the organisation never sees them).
    Select(driver.find_element(By.ID, "inv-role")).select_by_value("admin")
    choice = Select(driver.find_element(By.ID, "inv-group"))
    for option in choice.options:
        if option.text.strip() == group:
            choice.select_by_visible_text(option.text)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/invitasjoner'] button[type=submit]"))
    codes = driver.find_elements(By.CSS_SELECTOR, "code.secret")
    link = codes[0].text.strip() if codes else ""
    invitation = urllib.parse.urlsplit(link).path
    if not report.check(invitation.startswith("/invitasjon/"), "oppsett",
                        f"{organisation}: ingen invitasjonslenke (code.secret) etter «Lag lenke» "
                        f"(url {driver.current_url}; melding: {form_error(driver) or 'ingen'})"):
        return organisation, None
    print(f"  OK  opprettet {organisation} med gruppen «{group}» og en invitasjonslenke gjennom skjemaene")
    check_page(driver, base, page_path(driver) + " (med ny invitasjonslenke)", "organisasjon-ny-lenke", report, shots,
               load=False)
    return organisation, invitation


def check_invitation(base, invitation, organisation, report, shots):
    """The invitation in a fresh, signed-out browser; then accepted with a new account (the organisation gets a
    member, so its page is checked with a member row too)."""
    driver = make_driver()
    try:
        check_page(driver, base, invitation, "invitasjon", report, shots)
        report.check(not driver.find_elements(By.CSS_SELECTOR, "form[action='/logg-ut']"), "oppsett",
                     f"{invitation}: nettleseren skulle vært utlogget, men viser «Logg ut»")
        for field, text in (("name", "Nora Nyansatt"), ("email", NEW_MEMBER[0]),
                            ("password", NEW_MEMBER[1]), ("repeat_password", NEW_MEMBER[1])):
            driver.find_element(By.ID, field).send_keys(text)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action^='/invitasjon/'] button[type=submit]"))
        here = urllib.parse.urlsplit(driver.current_url).path
        if report.check(here == organisation, "oppsett",
                        f"{invitation}: å godta invitasjonen med ny konto førte ikke til {organisation} "
                        f"(url {driver.current_url}; melding: {form_error(driver) or 'ingen'})"):
            print(f"  OK  invitasjonen godtatt med ny konto i en utlogget nettleser: {here}")
            check_page(driver, base, here + " (som nytt medlem)", "organisasjon-medlem", report, shots, load=False)
    finally:
        driver.quit()


NEW_MEMBER = ("nora@example.no", "Nytt-passord-for-a11y")


def sign_in_with_form(driver, base, email, password):
    driver.get(base + "/logg-inn")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logg-inn'] button[type=submit]"))
    return urllib.parse.urlsplit(driver.current_url).path == "/konto"


def check_assessment(base, report, shots):
    """Through the forms, as the organisation's admin who is also in the group (the system administrator may not
    run assessments): a round opened on /kartlegging, her own personal link fetched from the round page and
    answered in a fresh signed-out browser, the round closed, then the result (with a target), recommendations,
    plan (with a suggestion) and report, each checked."""
    driver = make_driver()
    try:
        if not report.check(sign_in_with_form(driver, base, *NEW_MEMBER), "oppsett",
                            f"/logg-inn: {NEW_MEMBER[0]} kom ikke inn (url {driver.current_url})"):
            return
        driver.get(base + "/kartlegging")
        titles = driver.find_elements(By.CSS_SELECTOR, "form[action='/kartlegging/runder'] input[name=title]")
        if not report.check(bool(titles), "oppsett", "/kartlegging: skjemaet «Start en ny runde» mangler"):
            return
        titles[0].send_keys("Nullpunktsmåling for ledergruppen")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/kartlegging/runder'] button[type=submit]"))
        rounds = driver.find_elements(By.CSS_SELECTOR, "form[action$='/lukk']")
        own = driver.find_elements(By.CSS_SELECTOR, "form[action$='/mitt-svarskjema'] button[type=submit]")
        if not report.check(bool(rounds) and bool(own), "oppsett",
                            f"/kartlegging: runden viser ikke «Åpne mitt svarskjema» (url {driver.current_url}; "
                            f"melding: {form_error(driver) or 'ingen'})"):
            return
        round_path = urllib.parse.urlsplit(rounds[0].get_attribute("action").rsplit("/lukk", 1)[0]).path
        report.check(not driver.find_elements(By.CSS_SELECTOR, "code.secret"), "personvern",
                     f"{round_path}: siden viser lenker til andres svarskjema")
        check_page(driver, base, round_path + " (ny runde)", "runde-ny", report, shots, load=False)
        click_and_wait(driver, own[0])
        link = page_path(driver).split("?")[0]
        if not report.check(link.startswith("/kartlegging/svar/"), "oppsett",
                            f"{round_path}: «Åpne mitt svarskjema» førte til {link}"):
            return
        member = make_driver()
        try:
            check_page(member, base, link, "svarskjema", report, shots)
            for fieldset in member.find_elements(By.CSS_SELECTOR, "form.answers fieldset"):
                radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
                if radios:
                    member.execute_script("arguments[0].click();", radios[min(2, len(radios) - 1)])
            click_and_wait(member, member.find_element(By.CSS_SELECTOR, "button[value=lever]"))
            report.check("levert" in member.page_source, "oppsett", f"{link}: svarene ble ikke levert "
                         f"(melding: {form_error(member) or 'ingen'})")
            check_page(member, base, link + " (levert)", "svarskjema-levert", report, shots, load=False)
        finally:
            member.quit()
        driver.get(base + round_path)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/lukk'] button[type=submit]"))
        Select(driver.find_element(By.ID, "target")).select_by_value("4")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/mal'] button[type=submit]"))
        driver.get(base + round_path + "/plan")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/plan/forslag'] button[type=submit]"))
        check_page(driver, base, round_path + "/plan (med forslag)", "plan-forslag", report, shots, load=False)
        print(f"  OK  runde {round_path} åpnet, besvart gjennom egen lenke, lukket, med mål og planforslag")
        pages = [("/kartlegging", "kartlegging"), ("/kartlegging/instrumenter/di2x-kapabiliteter", "instrument"),
                 (round_path, "runde"), (round_path + "/resultat", "resultat"), (round_path + "/tiltak", "anbefalinger"),
                 (round_path + "/plan", "plan"), (round_path + "/rapport", "rapport")]
        print(f"axe-core og reflow på {len(pages)} kartleggingssider innlogget som {NEW_MEMBER[0]}")
        check_pages(driver, base, pages, report, shots)
    finally:
        driver.quit()


def check_pages(driver, base, pages, report, shots):
    for path, name in pages:
        try:
            driver.get(base + path)
            # A page that needs rights it lacks sends the browser to the sign-in form: that is not the page.
            if not report.check(urllib.parse.urlsplit(driver.current_url).path == path, "innlogget",
                                f"{path}: åpnet {page_path(driver)} i stedet ({driver.title!r})"):
                continue
            check_page(driver, base, path, name, report, shots, load=False)
        except (WebDriverException, RuntimeError) as e:
            report.check(False, "side", f"{path}: {getattr(e, 'msg', None) or e}")


def check_signed_in(driver, base, report, shots, email, password):
    if not check_sign_in_keyboard(driver, base, report, shots, email, password):
        return
    print("Innlogget: organisasjon, gruppe og invitasjon opprettet gjennom skjemaene")
    organisation, invitation = create_organisation(driver, base, report, shots)
    if invitation:
        check_invitation(base, invitation, organisation, report, shots)
    pages = [("/konto", "konto"), ("/admin", "admin"), ("/admin/revisjon", "admin-revisjon"),
             ("/organisasjoner", "organisasjoner")]
    if organisation:
        pages.append((organisation, "organisasjon"))
    pages.append(("/tilbakemeldinger", "tilbakemeldinger"))
    print(f"axe-core ({', '.join(TAGS)}) og reflow ved {NARROW}px på {len(pages)} sider innlogget som {email}")
    check_pages(driver, base, pages, report, shots)
    if invitation:
        check_assessment(base, report, shots)


def check_no_js(base, report, shots, email="", password=""):
    print("Uten JavaScript:")
    driver = make_driver(javascript=False)
    try:
        driver.get("data:text/html,<title>av</title><script>document.title='på'</script>")
        report.check(driver.title == "av", "uten-js", "JavaScript er ikke slått av i nettleseren for denne sjekken")
        for path, name in (("/tiltak?q=ledelse", "uten-js-tiltak"), ("/tiltak/finn?behov=ledelse", "uten-js-finn")):
            driver.get(base + path)
            hits = driver.find_elements(By.CSS_SELECTOR, "ol.measures li")
            screenshot(driver, shots, name)
            if report.check(bool(hits), "uten-js", f"{path}: ingen treff (ol.measures li) uten JavaScript"):
                print(f"  OK  {path}: {len(hits)} treff")
        # The forms are plain GET forms: sending them works without scripts too.
        for path, field, text, param in (("/tiltak", "q", "ledelse", "q"), ("/tiltak/finn", "behov", "ledelse", "behov")):
            driver.get(base + path)
            driver.find_element(By.ID, field).send_keys(text)
            driver.find_element(By.CSS_SELECTOR, f"form[action='{path}'] button[type=submit]").click()
            ok = wait_for_url(driver, f"{param}={text}")
            hits = driver.find_elements(By.CSS_SELECTOR, "ol.measures li")
            if report.check(ok and bool(hits), "uten-js",
                            f"{path}: skjemaet gir ingen treff når det sendes uten JavaScript (url {driver.current_url})"):
                print(f"  OK  skjemaet på {path} sendt uten JavaScript: {len(hits)} treff")
        # Signing in is a plain POST form as well (the CSRF token is a hidden field, not set by a script).
        if email:
            driver.get(base + "/logg-inn")
            driver.find_element(By.ID, "email").send_keys(email)
            driver.find_element(By.ID, "password").send_keys(password)
            driver.find_element(By.CSS_SELECTOR, "form[action='/logg-inn'] button[type=submit]").click()
            ok = wait_for_url(driver, "/konto")
            screenshot(driver, shots, "uten-js-konto")
            if report.check(ok, "uten-js", f"/logg-inn: innloggingen virker ikke uten JavaScript (url {driver.current_url}; "
                            f"melding: {form_error(driver) or 'ingen'})"):
                print(f"  OK  innlogging på /logg-inn uten JavaScript: {page_path(driver)}")
    finally:
        driver.quit()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: a11y.py BASE_URL")
    base = sys.argv[1].rstrip("/")
    started = time.time()
    shots = os.environ.get("KB_A11Y_SCREENSHOTS", os.path.join(ROOT, "screenshots"))
    os.makedirs(shots, exist_ok=True)
    document = os.environ.get("KB_A11Y_DOCUMENT", "")
    question = os.environ.get("KB_A11Y_QUESTION", "Hvor ofte bør opplæringen i personvern gjentas?")
    email, password = os.environ.get("KB_A11Y_EMAIL", ""), os.environ.get("KB_A11Y_PASSWORD", "")
    report = Report()
    driver = make_driver()
    try:
        driver.get(base + "/")
        Axe(driver).inject()
        version = driver.execute_script("return axe.version")
        print(f"axe-core {version}, Chromium {driver.capabilities.get('browserVersion')}")
        report.check(tuple(int(x) for x in re.findall(r"\d+", version)[:2]) >= MIN_AXE, "oppsett",
                     f"axe-core {version} er for gammel (trenger {MIN_AXE[0]}.{MIN_AXE[1]}+): installer axe-selenium-python>=3")
        measure = first_link(driver, base, "/tiltak", "/tiltak/demo-")
        report.check(bool(measure), "oppsett", "fant ingen lenke til /tiltak/demo-… på /tiltak")
        if not document:
            found = first_link(driver, base, "/dokumenter", "/dokumenter/")
            document = urllib.parse.unquote(found.split("/dokumenter/", 1)[1].split("?")[0]) if found else ""
        report.check(bool(document), "oppsett", "fant ingen dokumenter på /dokumenter")
        pages = [("/", "forside"), ("/tiltak", "tiltak"), ("/tiltak?q=ledelse&price=gratis", "tiltak-sok-filter"),
                 ("/tiltak?side=2", "tiltak-side-2")]
        if measure:
            pages.append((measure, "tiltak-ett"))
        pages += [
            ("/tiltak/finn", "finn"),
            ("/tiltak/finn?behov=gratis+nettkurs+om+personvern+for+kommuner", "finn-resultat"),
            ("/tilbydere", "tilbydere"),
            ("/rammeverk", "rammeverk"),
            ("/rammeverk/DI2X", "rammeverk-di2x"),
            ("/rammeverk/DI2X/DI2X.T.3.1", "rammeverk-node"),
            ("/rammeverk/dekning", "rammeverk-dekning"),
            ("/sporsmal", "sporsmal"),
            ("/sporsmal?sporsmal=" + urllib.parse.quote(question), "sporsmal-svar"),
            ("/dokumenter", "dokumenter"),
        ]
        if document:
            pages.append((f"/dokumenter/{urllib.parse.quote(document, safe='')}?side=1", "dokument"))
        pages += [("/logg-inn", "logg-inn"), ("/finnes-ikke", "404"),
                  ("/?lang=nn", "forside-nn"), ("/?lang=en", "forside-en"),
                  ("/tiltak?lang=nn", "tiltak-nn"), ("/tiltak?lang=en", "tiltak-en")]
        # Keyboard flows first: they also send feedback, so /tilbakemeldinger has a row to check below.
        try:
            check_keyboard(driver, base, report, shots)
        except (WebDriverException, RuntimeError) as e:
            report.check(False, "tastatur", f"{getattr(e, 'msg', None) or e}")
        print(f"axe-core ({', '.join(TAGS)}) og reflow ved {NARROW}px på {len(pages)} sider mot {base}")
        for path, name in pages:
            try:
                check_page(driver, base, path, name, report, shots)
            except (WebDriverException, RuntimeError) as e:
                report.check(False, "side", f"{path}: {getattr(e, 'msg', None) or e}")
        # Signed in last: every page above is checked as an anonymous visitor sees it.
        if email and password:
            try:
                check_signed_in(driver, base, report, shots, email, password)
            except (WebDriverException, RuntimeError) as e:
                report.check(False, "innlogget", f"{getattr(e, 'msg', None) or e}")
        else:
            print("Innlogget: hoppet over (KB_A11Y_EMAIL og KB_A11Y_PASSWORD er ikke satt)")
    finally:
        driver.quit()
    try:
        check_no_js(base, report, shots, email, password)
    except WebDriverException as e:
        report.check(False, "uten-js", f"{getattr(e, 'msg', None) or e}")

    elapsed = time.time() - started
    nodes = sum(len(v.get("nodes", [])) for _, v in report.violations)
    rules = sorted({v["id"] for _, v in report.violations})
    kinds = sorted({k for k, _ in report.failures})
    print()
    print(f"Oppsummering: {report.pages} sider sjekket med axe-core; {len(report.violations)} regelbrudd på "
          f"{nodes} elementer (regler: {', '.join(rules) or 'ingen'}); {len(report.failures)} av {report.checks} "
          f"andre sjekker feilet ({', '.join(kinds) or 'ingen'}); {elapsed:.1f} s. "
          f"Skjermbilder i {os.path.relpath(shots, ROOT)}/")
    failed = bool(report.violations or report.failures)
    print("a11y: FEILET" if failed else "a11y: OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
