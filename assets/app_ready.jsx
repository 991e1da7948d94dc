// Says, once React has taken over the page, that the app now handles its forms: the early-submit
// guard in the page's head (influfinder/components/early_submit.py) then sends the submit it held.
import { useEffect } from "react";

export function AppReady() {
  useEffect(() => {
    window.dispatchEvent(new Event("influfinder:ready"));
  }, []);
  return null;
}
