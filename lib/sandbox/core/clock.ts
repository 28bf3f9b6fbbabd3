import type { Clock } from "./types";

// Simulated time runs `speed` times faster than real time from an anchor. Speed 0 freezes it
// (tests then move it only by stepping); stepping jumps the simulated clock forward.

export const simNow = (clock: Clock, realNow: number) => clock.simAnchor + (realNow - clock.realAnchor) * clock.speed;

export function setSpeed(clock: Clock, speed: number, realNow: number): Clock {
  return { speed, realAnchor: realNow, simAnchor: simNow(clock, realNow) };
}

export function stepClock(clock: Clock, ms: number, realNow: number): Clock {
  const c = setSpeed(clock, clock.speed, realNow);
  return { ...c, simAnchor: c.simAnchor + ms };
}
