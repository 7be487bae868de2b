import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { describeError, describeTransportError, isMissingMBean } from './jolokia-errors'

describe('describeError', () => {
  test('uses the JVM message as it is', () => {
    const error = { status: 500, error_type: 'java.lang.IllegalArgumentException', error: 'Frames must be 1-4096, got 0' }
    assert.equal(describeError(error, 'Compare'), 'Compare failed: Frames must be 1-4096, got 0')
  })

  test('removes exception class prefixes and stack trace lines', () => {
    const error = {
      status: 500,
      error_type: 'javax.management.RuntimeMBeanException',
      error:
        'javax.management.RuntimeMBeanException : java.lang.IllegalStateException: Target 900 MiB exceeds the cap\n\tat x.Y.z(Y.java:1)',
    }
    assert.equal(describeError(error, 'Start'), 'Start failed: Target 900 MiB exceeds the cap')
  })

  test('explains a value the attribute does not accept', () => {
    const error = { status: 500, error_type: 'java.io.InvalidObjectException', error: 'Cannot convert to enum: FAST' }
    assert.equal(
      describeError(error, 'Set mode'),
      'Set mode failed: Cannot convert to enum: FAST (the value is not one the attribute accepts)',
    )
  })

  test('names the kind of failure when there is no message', () => {
    const error = { status: 500, error_type: 'java.lang.NullPointerException', error: '' }
    assert.equal(describeError(error, 'Free'), 'Free failed: the JVM reported NullPointerException without a message')
  })

  test('says when the MBean is missing', () => {
    const error = { status: 404, error_type: 'javax.management.InstanceNotFoundException', error: 'memtrack:type=Policy' }
    assert.ok(isMissingMBean(error))
    assert.equal(describeError(error, 'Read policy'), 'Read policy: this JVM has no such MBean (memtrack:type=Policy).')
  })
})

describe('describeTransportError', () => {
  test('reports HTTP failures of the console proxy', () => {
    assert.equal(
      describeTransportError({ status: 403, statusText: 'Forbidden' }, 'Refresh'),
      'Refresh failed: the console could not reach the JVM (HTTP 403 Forbidden).',
    )
  })

  test('explains bare status texts', () => {
    assert.equal(describeTransportError('400:', 'Set'), 'Set failed: the JVM could not read the request (HTTP 400).')
    assert.equal(
      describeTransportError(new Error('502: Bad Gateway'), 'Set'),
      'Set failed: the console could not reach the JVM (HTTP 502 Bad Gateway).',
    )
  })

  test('uses error messages and plain strings', () => {
    assert.equal(describeTransportError(new TypeError('Failed to fetch'), 'Refresh'), 'Refresh failed: Failed to fetch')
    assert.equal(describeTransportError('timeout\nmore', 'Refresh'), 'Refresh failed: timeout')
    assert.equal(describeTransportError(undefined, 'Refresh'), 'Refresh failed: the console could not reach the JVM.')
  })
})
