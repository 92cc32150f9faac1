import { describe, expect, it } from 'vitest';
import { matchPath, safeNext } from './router.tsx';

describe('matchPath', () => {
  it('matches exact paths and named segments', () => {
    expect(matchPath('/team', '/team')).toEqual({});
    expect(matchPath('/team', '/team/')).toEqual({});
    expect(matchPath('/invite/:token', '/invite/abc%2Fdef')).toEqual({ token: 'abc/def' });
    expect(matchPath('/invite/:token', '/invite')).toBeNull();
    expect(matchPath('/team', '/teams')).toBeNull();
  });
});

describe('safeNext', () => {
  it('keeps paths of this app and refuses anything that leaves it', () => {
    expect(safeNext('/audit?actorId=1')).toBe('/audit?actorId=1');
    expect(safeNext('//evil.example/x')).toBe('/campaigns');
    expect(safeNext('/\\evil.example')).toBe('/campaigns');
    expect(safeNext('https://evil.example')).toBe('/campaigns');
    expect(safeNext(null)).toBe('/campaigns');
  });
});
