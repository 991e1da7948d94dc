// Runs once React has taken over the page (its first effect), for what the person did before that:
// - each field typed into before the scripts ran gets its change event now, so what the app shows as
//   a field changes (a password's strength, a search's suggestions) follows what is already typed;
// - the early-submit guard in the page's head (influfinder/components/early_submit.py) is told the app
//   now handles the forms, and sends the submit it held.
import { useEffect } from "react";

const TYPED = "input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden]), textarea";

function announceTyped(field) {
  // React compares a field with the value it last saw (set through the element's own `value`), and that
  // was taken from the field as it stood when React took it over: what was typed. So the field is told
  // React's way that it was empty, given back its text past React, and then the input event is a change.
  const typed = field.value;
  const ownSetter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value").set;
  field.value = "";
  ownSetter.call(field, typed);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

export function AppReady() {
  useEffect(() => {
    document.querySelectorAll(TYPED).forEach((field) => {
      if (field.value !== field.defaultValue) announceTyped(field);
    });
    window.dispatchEvent(new Event("influfinder:ready"));
  }, []);
  return null;
}
