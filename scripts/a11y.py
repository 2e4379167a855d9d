#!/usr/bin/env python3
"""Accessibility gate for Kompetansebro (run through scripts/a11y.sh, which starts the server).

Usage: a11y.py BASE_URL

- Every page is loaded in headless Chromium and checked with axe-core (bundled by axe-selenium-python)
  for WCAG 2.0/2.1 A and AA; each violation is printed with its rule, impact, page, selectors and HTML.
- Keyboard: on /tiltak/finn, TAB from the top: the skip link comes first, the need textarea and the
  submit button are reached, and every focused element shows a visible focus indicator.
- Without JavaScript: searching the catalogue and the need form still gives results.
- A screenshot of every page goes to ./screenshots/NAME.png (git-ignored).
Exits 1 on any violation or failed check.

Environment: KB_A11Y_DOCUMENT (a document id to open), KB_A11Y_QUESTION (a question those documents
answer), KB_A11Y_SCREENSHOTS (screenshot folder), CHROMIUM / CHROMEDRIVER (binaries).
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTH, MIN_HEIGHT, MAX_HEIGHT = 1280, 800, 8000


def find_binary(env, *names):
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    for path in ("/usr/bin/chromium", "/usr/lib/chromium/chromium") if env == "CHROMIUM" else ():
        if os.path.exists(path):
            return path
    sys.exit(f"a11y: fant ikke {' eller '.join(names)}")


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = find_binary("CHROMIUM", "chromium", "chromium-browser")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={WIDTH},{MIN_HEIGHT}", "--lang=nb-NO", "--hide-scrollbars",
                "--force-prefers-reduced-motion", "--disable-extensions", "--no-first-run"):
        options.add_argument(arg)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=find_binary("CHROMEDRIVER", "chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def safe_name(name):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_") or "side"


def screenshot(driver, folder, name):
    """A full-page-ish PNG: the window is grown to the document's height (capped) for the shot."""
    path = os.path.join(folder, safe_name(name) + ".png")
    try:
        height = driver.execute_script(
            "return Math.max(document.body ? document.body.scrollHeight : 0,"
            " document.documentElement.scrollHeight)")
        height = max(MIN_HEIGHT, min(MAX_HEIGHT, int(height or MIN_HEIGHT)))
        driver.set_window_size(WIDTH, height)
        driver.save_screenshot(path)
    finally:
        driver.set_window_size(WIDTH, MIN_HEIGHT)
    return path


class Report:
    def __init__(self):
        self.violations = []  # (page, violation dict)
        self.failures = []    # (check, message)
        self.pages = 0

    def fail(self, check, message):
        self.failures.append((check, message))
        print(f"  FEIL [{check}] {message}")


def check_axe(driver, base, path, name, report, shots):
    url = base + path
    driver.get(url)
    status_title = driver.title
    axe = Axe(driver)
    axe.inject()
    result = axe.run(options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    shot = screenshot(driver, shots, name)
    report.pages += 1
    violations = result.get("violations", [])
    marker = "OK " if not violations else "BRUDD"
    print(f"{marker} {path}  ({status_title!r}, {len(violations)} regelbrudd, skjermbilde {os.path.relpath(shot, ROOT)})")
    for v in violations:
        report.violations.append((path, v))
        print(f"  - {v['id']} [{v.get('impact')}] {v['help']} ({v.get('helpUrl', '')})")
        for node in v.get("nodes", []):
            target = " ".join(str(t) for t in node.get("target", []))
            print(f"      mål: {target}")
            print(f"      html: {node.get('html', '').strip()[:300]}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", " | ")
            if summary:
                print(f"      hvorfor: {summary[:400]}")
    return result


def first_link(driver, base, path, prefix):
    driver.get(base + path)
    for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = a.get_attribute("href") or ""
        rel = urllib.parse.urlsplit(href)
        local = rel.path + (("?" + rel.query) if rel.query else "")
        if rel.path.startswith(prefix):
            return local
    return None


FOCUS_JS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const cs = getComputedStyle(el);
const r = el.getBoundingClientRect();
return {
  tag: el.tagName.toLowerCase(), id: el.id || '', cls: el.className || '', name: el.getAttribute('name') || '',
  type: el.getAttribute('type') || '', href: el.getAttribute('href') || '',
  text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
  outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, outlineColor: cs.outlineColor,
  boxShadow: cs.boxShadow, visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
      && r.left < (window.innerWidth || 0) + 5000,
  onscreen: r.right > 0 && r.bottom > 0 && r.left < window.innerWidth,
  html: el.outerHTML.slice(0, 160)
};
"""


def describe(info):
    s = info["tag"]
    if info["id"]:
        s += "#" + info["id"]
    if info["cls"]:
        s += "." + ".".join(str(info["cls"]).split())
    if info["name"]:
        s += f"[name={info['name']}]"
    if info["href"]:
        s += f"[href={info['href']}]"
    if info["text"]:
        s += f" «{info['text']}»"
    return s


def has_visible_focus(info):
    outline = info["outlineStyle"] not in ("none", "") and info["outlineWidth"] not in ("0px", "")
    shadow = info["boxShadow"] not in ("none", "")
    return outline or shadow


def check_keyboard(driver, base, path, report, shots, max_tabs=60):
    print(f"Tastatur: {path}")
    driver.get(base + path)
    driver.execute_script("if (document.activeElement) document.activeElement.blur(); document.body.focus();")
    seen = []
    reached_need = reached_submit = False
    first = None
    for i in range(max_tabs):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script(FOCUS_JS)
        if info is None:
            # Focus left the document (past the last element): the walk is complete.
            break
        key = info["html"]
        if seen and key == seen[0]["html"] and i > 1:
            break
        if first is None:
            first = info
            if i == 0 and "skip" in str(info["cls"]).split():
                screenshot(driver, shots, "tastatur-hopplenke")
        seen.append(info)
        ok = has_visible_focus(info)
        print(f"  {i + 1:2d}. {describe(info)}  outline={info['outlineStyle']} {info['outlineWidth']}"
              f" shadow={'ja' if info['boxShadow'] not in ('none', '') else 'nei'}{'' if ok else '  <- USYNLIG FOKUS'}")
        if not ok:
            report.fail("synlig-fokus", f"{path}: {describe(info)} har ingen synlig fokusmarkering "
                        f"(outline-style {info['outlineStyle']}, box-shadow {info['boxShadow']}): {info['html']}")
        if not info["onscreen"]:
            report.fail("synlig-fokus", f"{path}: {describe(info)} får fokus utenfor skjermen: {info['html']}")
        if info["tag"] == "textarea" and info["id"] == "behov":
            reached_need = True
            if "behov" not in driver.current_url:
                screenshot(driver, shots, "tastatur-behov")
        if info["tag"] == "button" and (info["type"] in ("", "submit")):
            try:
                in_form = driver.execute_script(
                    "return !!(document.activeElement.form && document.activeElement.form.action.indexOf('/tiltak/finn') >= 0)")
            except WebDriverException:
                in_form = False
            if in_form:
                reached_submit = True
    if first is None or "skip" not in str(first["cls"]).split():
        report.fail("hopplenke", f"{path}: første fokuserbare element er {describe(first) if first else 'ingenting'}, ikke hopplenken")
    if not reached_need:
        report.fail("tastatur", f"{path}: behovsfeltet (textarea#behov) nås ikke med TAB")
    if not reached_submit:
        report.fail("tastatur", f"{path}: send-knappen i behovsskjemaet nås ikke med TAB")

    # The skip link must move focus to main content.
    driver.get(base + path)
    driver.execute_script("document.body.focus();")
    ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()
    active = driver.execute_script("const e=document.activeElement; return e ? (e.id || e.tagName) : null")
    if active != "innhold":
        report.fail("hopplenke", f"{path}: hopplenken flytter ikke fokus til hovedinnholdet (fokus på {active})")
    # Keyboard-only submit: type a need in the textarea and press the button with ENTER/SPACE.
    driver.get(base + path)
    need = driver.find_element(By.ID, "behov")
    need.send_keys("ledelse i offentlig sektor")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    for _ in range(20):
        tag = driver.execute_script("return document.activeElement && document.activeElement.tagName")
        typ = driver.execute_script("return document.activeElement && document.activeElement.type")
        if tag == "BUTTON" and typ == "submit":
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    deadline = time.time() + 10
    while time.time() < deadline and "behov=" not in driver.current_url:
        time.sleep(0.1)
    hits = driver.find_elements(By.CSS_SELECTOR, "ol.measures li")
    if "behov=" not in driver.current_url or not hits:
        report.fail("tastatur", f"{path}: skjemaet kan ikke sendes med tastaturet alene (url {driver.current_url}, {len(hits)} treff)")
    else:
        print(f"  sendt med tastatur: {len(hits)} treff")
        screenshot(driver, shots, "tastatur-resultat")
    return seen


def check_no_js(base, checks, report, shots):
    print("Uten JavaScript:")
    driver = make_driver(javascript=False)
    try:
        for path, name in checks:
            driver.get(base + path)
            hits = driver.find_elements(By.CSS_SELECTOR, "ol.measures li")
            screenshot(driver, shots, name)
            if hits:
                print(f"  OK  {path}: {len(hits)} treff")
            else:
                report.fail("uten-js", f"{path}: ingen treff (ol.measures li) uten JavaScript")
        # Submitting the forms by keyboard works without JavaScript too.
        driver.get(base + "/tiltak")
        box = driver.find_element(By.ID, "q")
        box.send_keys("ledelse")
        box.send_keys(Keys.ENTER)
        deadline = time.time() + 10
        while time.time() < deadline and "q=ledelse" not in driver.current_url:
            time.sleep(0.1)
        hits = driver.find_elements(By.CSS_SELECTOR, "ol.measures li")
        if "q=ledelse" in driver.current_url and hits:
            print(f"  OK  søk sendt fra /tiltak: {len(hits)} treff")
        else:
            report.fail("uten-js", f"søkeskjemaet på /tiltak virker ikke uten JavaScript (url {driver.current_url})")
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
    report = Report()
    driver = make_driver()
    try:
        measure = first_link(driver, base, "/tiltak", "/tiltak/demo-")
        if not measure:
            report.fail("oppsett", "fant ingen lenke til /tiltak/demo-… på /tiltak")
        if not document:
            found = first_link(driver, base, "/dokumenter", "/dokumenter/")
            document = urllib.parse.unquote(found.split("/dokumenter/", 1)[1].split("?")[0]) if found else ""
        if not document:
            report.fail("oppsett", "fant ingen dokumenter på /dokumenter")
        q = urllib.parse.quote_plus
        pages = [
            ("/", "forside"),
            ("/tiltak", "tiltak"),
            ("/tiltak?q=ledelse&price=gratis", "tiltak-sok-filter"),
            ("/tiltak?side=2", "tiltak-side-2"),
        ]
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
            ("/sporsmal?sporsmal=" + q(question), "sporsmal-svar"),
            ("/dokumenter", "dokumenter"),
        ]
        if document:
            pages.append((f"/dokumenter/{urllib.parse.quote(document, safe='')}?side=1", "dokument"))
        pages += [
            ("/tilbakemeldinger", "tilbakemeldinger"),
            ("/finnes-ikke", "404"),
            ("/?lang=nn", "forside-nn"),
            ("/?lang=en", "forside-en"),
            ("/tiltak?lang=nn", "tiltak-nn"),
            ("/tiltak?lang=en", "tiltak-en"),
        ]
        print(f"axe-core ({', '.join(TAGS)}) på {len(pages)} sider mot {base}")
        for path, name in pages:
            try:
                check_axe(driver, base, path, name, report, shots)
            except WebDriverException as e:
                report.fail("side", f"{path}: {e.msg if hasattr(e, 'msg') else e}")
        # Pages must not be left in another language by the ?lang= visits (cookie): reset to bokmål.
        driver.get(base + "/?lang=nb")
        try:
            check_keyboard(driver, base, "/tiltak/finn", report, shots)
        except WebDriverException as e:
            report.fail("tastatur", f"/tiltak/finn: {e}")
    finally:
        driver.quit()
    try:
        check_no_js(base, [("/tiltak?q=ledelse", "uten-js-tiltak"), ("/tiltak/finn?behov=ledelse", "uten-js-finn")],
                    report, shots)
    except WebDriverException as e:
        report.fail("uten-js", str(e))

    elapsed = time.time() - started
    nodes = sum(len(v.get("nodes", [])) for _, v in report.violations)
    rules = sorted({v["id"] for _, v in report.violations})
    print()
    print(f"Oppsummering: {report.pages} sider sjekket med axe, {len(report.violations)} regelbrudd "
          f"({nodes} elementer; regler: {', '.join(rules) or 'ingen'}), {len(report.failures)} feilede sjekker "
          f"(tastatur/uten JavaScript), {elapsed:.1f} s. Skjermbilder i {os.path.relpath(shots, ROOT)}/")
    failed = bool(report.violations or report.failures)
    print("a11y: FEILET" if failed else "a11y: OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
