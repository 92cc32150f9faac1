import { useEffect } from 'react';

/**
 * Containers that scroll their content sideways on a narrow screen (tables, the board's columns,
 * the timeline chart). When one actually overflows it must be reachable from the keyboard, or a
 * keyboard user cannot scroll it (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export const SCROLL_REGION_SELECTOR = '.table-wrap, [data-scroll-region]';

function update(element: HTMLElement) {
  const overflows =
    element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
  const scrolls = /(auto|scroll)/.test(
    getComputedStyle(element).overflowX + getComputedStyle(element).overflowY,
  );
  if (overflows && scrolls) {
    if (!element.hasAttribute('tabindex')) {
      element.setAttribute('tabindex', '0');
      element.dataset.scrollFocusable = '';
    }
  } else if (element.dataset.scrollFocusable !== undefined) {
    element.removeAttribute('tabindex');
    delete element.dataset.scrollFocusable;
  }
}

/**
 * Keeps every scroll region under `root` focusable while it overflows: watches for regions being
 * added (pages render after their data arrives) and for size changes (rotation, resizing).
 */
export function useFocusableScrollRegions(root: () => HTMLElement | null) {
  useEffect(() => {
    const element = root();
    if (!element) return;
    // Observed element (a region, or the content inside it) → its region.
    const regionOf = new Map<Element, HTMLElement>();
    const resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const region = regionOf.get(entry.target);
        if (region) update(region);
      }
    });
    const watch = (target: Element, region: HTMLElement) => {
      regionOf.set(target, region);
      resize.observe(target);
    };
    const scan = () => {
      for (const region of Array.from(element.querySelectorAll<HTMLElement>(SCROLL_REGION_SELECTOR))) {
        if (!regionOf.has(region)) {
          watch(region, region);
          // The content inside may grow without the region itself changing size.
          for (const child of Array.from(region.children)) watch(child, region);
        }
        update(region);
      }
      for (const target of Array.from(regionOf.keys())) {
        if (!target.isConnected) {
          regionOf.delete(target);
          resize.unobserve(target);
        }
      }
    };
    let frame = 0;
    const mutations = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(scan);
    });
    mutations.observe(element, { childList: true, subtree: true });
    scan();
    return () => {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      resize.disconnect();
    };
  }, [root]);
}
