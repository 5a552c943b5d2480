// jsdom lacks what Element Plus's components measure with.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver

// async-validator reports every failed rule on the console during development; the tests check them on screen.
import Schema from 'async-validator'
Schema.warning = () => {}
